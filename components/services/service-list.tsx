// The Services list, grouped by category (uncategorised last, as "Other"): length, price, who does it.
import Link from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/format";
import type { ServiceJson } from "@/lib/services/queries";

function groupByCategory(services: ServiceJson[]): Array<{ category: string; services: ServiceJson[] }> {
  const groups = new Map<string, ServiceJson[]>();
  for (const s of services) {
    const key = s.category ?? "Other";
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups].map(([category, list]) => ({ category, services: list }));
}

export function ServiceList({ services, employeeNames }: { services: ServiceJson[]; employeeNames: Map<string, string> }) {
  return (
    <div className="grid gap-6">
      {groupByCategory(services).map(({ category, services: list }) => (
        <section key={category} aria-labelledby={`category-${category}`} className="grid gap-2">
          <h2 id={`category-${category}`} className="text-sm font-semibold text-muted-foreground">
            {category}
          </h2>
          <div className="rounded-xl border bg-card">
            <Table className="table-fixed">
              <TableHeader>
                <TableRow>
                  <TableHead>Service</TableHead>
                  <TableHead className="w-20">Length</TableHead>
                  <TableHead className="w-24 text-right">Price</TableHead>
                  <TableHead className="hidden w-2/5 md:table-cell">Performed by</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((s) => {
                  const names = s.employeeIds.map((id) => employeeNames.get(id)).filter(Boolean);
                  return (
                    <TableRow key={s.id}>
                      <TableCell className="font-medium whitespace-normal">
                        <Link href={`/services/${s.id}`} className="hover:underline">
                          {s.name}
                        </Link>
                        {!s.active && (
                          <Badge variant="secondary" className="ml-2">
                            Inactive
                          </Badge>
                        )}
                      </TableCell>
                      <TableCell>{s.durationMinutes} min</TableCell>
                      <TableCell className="text-right tabular-nums">{formatMoney(s.priceCents)}</TableCell>
                      <TableCell className="hidden truncate text-muted-foreground md:table-cell">
                        {names.length ? names.join(", ") : "Nobody yet"}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        </section>
      ))}
    </div>
  );
}
