import Link from "@/components/ui/link";
import type { LucideIcon } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/lib/utils";

type StatCardProps = {
  label: string;
  /** A count (written with separators) or a figure already in words ("1m 05s"). */
  value: number | string;
  hint?: React.ReactNode;
  icon: LucideIcon;
  /** "attention" tints the icon when the number is something to act on (missed calls, failed texts). */
  tone?: "default" | "attention";
  /** The page listing what the number counts; the whole card links there. */
  href?: string;
};

const numberFormat = new Intl.NumberFormat("en-US");

export function StatCard({ label, value, hint, icon: Icon, tone = "default", href }: StatCardProps) {
  const card = (
    <Card className={cn("h-full gap-0 py-4", href && "transition-colors group-hover:bg-accent/40")}>
      <CardContent className="grid gap-2 px-4 sm:gap-3">
        <div className="flex items-center justify-between gap-2">
          <p className="text-sm leading-tight font-medium text-muted-foreground">{label}</p>
          <span
            className={cn(
              "flex size-8 shrink-0 items-center justify-center rounded-full",
              tone === "attention"
                ? "bg-warning/20 text-warning-foreground"
                : "bg-accent text-accent-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden />
          </span>
        </div>
        <p className="text-2xl font-semibold sm:text-3xl tracking-tight tabular-nums">
          {typeof value === "number" ? numberFormat.format(value) : value}
        </p>
        {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      </CardContent>
    </Card>
  );
  if (!href) return card;
  return (
    <Link
      href={href}
      className="group block rounded-xl outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      {card}
    </Link>
  );
}
