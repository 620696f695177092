import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { cn } from "@/lib/utils";

type Props = {
  id: string;
  title: string;
  /** The key figures in one sentence: shown under the title and read as the chart's name. */
  summary: string;
  /** The numbers behind the chart, behind a "Show the numbers" toggle. */
  table?: { caption: string; head: string[]; rows: Array<Array<string | number>> };
  className?: string;
  children: React.ReactNode;
};

/**
 * One dashboard chart: a heading, a sentence with its key figures (which names the figure for screen readers),
 * the chart, and its data as a table anyone can open — a chart alone says nothing to a screen reader.
 */
export function ChartCard({ id, title, summary, table, className, children }: Props) {
  return (
    <Card className={cn("min-w-0 gap-4", className)}>
      <CardHeader>
        <h2 id={`${id}-title`} className="leading-none font-semibold">
          {title}
        </h2>
        <CardDescription id={`${id}-summary`}>{summary}</CardDescription>
      </CardHeader>
      <CardContent className="grid min-w-0 gap-3">
        <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} className="m-0 min-w-0">
          {children}
        </figure>
        {table && table.rows.length > 0 && (
          <details className="group text-sm">
            <summary className="w-fit cursor-pointer rounded text-muted-foreground underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50">
              Show the numbers
            </summary>
            {/* Focusable: on a phone the table may scroll sideways, and a keyboard must reach it. */}
            <div className="mt-2 overflow-x-auto rounded-md border" tabIndex={0} role="region" aria-label={table.caption}>
              <table className="w-full text-left text-xs tabular-nums">
                <caption className="sr-only">{table.caption}</caption>
                <thead className="bg-muted/50">
                  <tr>
                    {table.head.map((h, i) => (
                      <th key={h} scope="col" className={cn("px-2 py-1.5 font-medium whitespace-nowrap", i > 0 && "text-right")}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map(([first, ...rest]) => (
                    <tr key={String(first)} className="border-t">
                      <th scope="row" className="px-2 py-1 font-normal whitespace-nowrap">
                        {first}
                      </th>
                      {rest.map((cell, i) => (
                        <td key={i} className="px-2 py-1 text-right">
                          {typeof cell === "number" ? cell.toLocaleString("en-US") : cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
      </CardContent>
    </Card>
  );
}
