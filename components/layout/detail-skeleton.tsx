import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

type Props = {
  /** Announced to screen readers, e.g. "Loading call…". */
  label: string;
  /** Width of the "back to list" link placeholder, matching that page's link text. */
  backLinkClassName: string;
  /** Placeholder lines in the main card and the side card. */
  cardLines: readonly [number, number];
};

/** A detail page's shape while it loads: back link, title, then a main card beside a side card. */
export function DetailSkeleton({ label, backLinkClassName, cardLines }: Props) {
  return (
    <div role="status" aria-live="polite" className="grid gap-6">
      <span className="sr-only">{label}</span>
      <Skeleton className={backLinkClassName} />
      <div className="grid gap-2">
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-4 w-56" />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        {cardLines.map((lines, card) => (
          <Card key={card}>
            <CardHeader>
              <Skeleton className="h-5 w-32" />
            </CardHeader>
            <CardContent className="grid gap-3">
              {Array.from({ length: lines }, (_, i) => (
                <Skeleton key={i} className="h-4 w-full" />
              ))}
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}
