// Today / 7 days / 30 days: plain links (?range=), so a view can be shared and the switch works by keyboard
// and without JavaScript; the current one is marked for screen readers as well as by its look.
import Link from "@/components/ui/link";
import { RANGE_LABELS } from "@/components/dashboard/chart-words";
import { cn } from "@/lib/utils";
import { DASHBOARD_RANGES, type DashboardRange } from "@/lib/validations/dashboard";

export function RangeSwitch({ current }: { current: DashboardRange }) {
  return (
    <nav aria-label="Period shown" className="inline-flex rounded-lg border bg-muted/40 p-0.5">
      {DASHBOARD_RANGES.map((range) => (
        <Link
          key={range}
          href={range === "7d" ? "/" : `/?range=${range}`}
          aria-current={range === current ? "page" : undefined}
          scroll={false}
          className={cn(
            "rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground outline-none transition-colors hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
            range === current && "bg-background text-foreground shadow-sm",
          )}
        >
          {RANGE_LABELS[range]}
        </Link>
      ))}
    </nav>
  );
}
