// Calls by hour of the week as a heat grid: a real table (weekdays across, the salon's hours down), each cell
// shading by its count and writing the count too, so it reads without colour and with a screen reader.
import { hourLabel, WEEKDAY_NAMES, WEEKDAY_SHORT } from "@/components/dashboard/chart-words";
import { cn } from "@/lib/utils";

type Cell = { weekday: number; hour: number; calls: number };

// Monday first, as a salon's week reads.
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** The hours worth a row: the usual day (8 AM–7 PM) widened to any hour that had a call. */
function hourRows(cells: Cell[]): number[] {
  const hours = cells.map((c) => c.hour);
  const first = Math.min(8, ...hours);
  const last = Math.max(19, ...hours);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

// Five steps of the brand colour: dark text up to the 55% tint, white on the full colour (both over 4.5:1).
const SHADES = ["", "bg-primary/10", "bg-primary/20", "bg-primary/35", "bg-primary/55", "bg-primary text-primary-foreground"];

export function BusiestTimes({ cells, caption }: { cells: Cell[]; caption: string }) {
  const counts = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c.calls]));
  const max = Math.max(1, ...cells.map((c) => c.calls));
  const shade = (n: number) => SHADES[n === 0 ? 0 : Math.max(1, Math.ceil((n / max) * (SHADES.length - 1)))];
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full table-fixed border-separate border-spacing-0.5 text-center text-xs tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <td className="w-14" />
            {DAY_ORDER.map((d) => (
              <th key={d} scope="col" className="pb-1 font-medium text-muted-foreground">
                <abbr title={WEEKDAY_NAMES[d]} className="no-underline">
                  {WEEKDAY_SHORT[d]}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hourRows(cells).map((hour) => (
            <tr key={hour}>
              <th scope="row" className="pr-1 text-right font-normal whitespace-nowrap text-muted-foreground">
                {hourLabel(hour)}
              </th>
              {DAY_ORDER.map((d) => {
                const n = counts.get(`${d}:${hour}`) ?? 0;
                return (
                  <td key={d} className={cn("h-6 rounded-sm", shade(n), n === 0 && "bg-muted/40")}>
                    {n > 0 ? n : <span className="sr-only">0</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
