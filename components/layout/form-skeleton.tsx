import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** A form page's shape while it loads: header, then `cards` cards of fields. */
export function FormSkeleton({ cards = 2, tabs = false }: { cards?: number; tabs?: boolean }) {
  return (
    <div className="grid max-w-3xl gap-6">
      <div className="grid gap-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-72" />
      </div>
      {tabs && <Skeleton className="h-9 w-72" />}
      {Array.from({ length: cards }, (_, i) => (
        <Card key={i}>
          <CardHeader>
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-4 w-64" />
          </CardHeader>
          <CardContent className="grid gap-4">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-24 w-full" />
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
