// The customer list: a table from tablet width up, a stack of cards on phones. Rows are plain links to the
// customer's page; the server pages and searches (components stay free of data fetching).
import Link from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CustomerListItem } from "@/lib/customers/list-customers";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";

function Consent({ c }: { c: CustomerListItem }) {
  return c.smsConsent === "OPTED_OUT" ? <Badge variant="warning">Texts off</Badge> : <Badge variant="success">Texts on</Badge>;
}

const nameOf = (c: CustomerListItem) => c.name ?? "Unnamed caller";

export function CustomerList({ customers, timeZone }: { customers: CustomerListItem[]; timeZone: string }) {
  return (
    <>
      <div className="hidden overflow-hidden rounded-xl border bg-card md:block">
        <Table>
          <TableCaption className="sr-only">Customers, by name</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Phone</TableHead>
              <TableHead>Last visit</TableHead>
              <TableHead>Next appointment</TableHead>
              <TableHead>Texts</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {customers.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link href={`/customers/${c.id}`} className="font-medium underline-offset-4 hover:underline">
                    {nameOf(c)}
                  </Link>
                  {c.email && <div className="text-xs text-muted-foreground">{c.email}</div>}
                </TableCell>
                <TableCell className="tabular-nums">{formatPhone(c.phone)}</TableCell>
                <TableCell>{formatDate(c.lastVisitAt, timeZone)}</TableCell>
                <TableCell>{formatDateTime(c.nextAppointmentAt, timeZone)}</TableCell>
                <TableCell>
                  <Consent c={c} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="grid gap-2 md:hidden" aria-label="Customers">
        {customers.map((c) => (
          <li key={c.id}>
            <Link href={`/customers/${c.id}`} className="grid gap-1 rounded-lg border bg-card px-4 py-3 text-sm hover:bg-muted/50">
              <span className="flex items-center justify-between gap-2">
                <span className="font-medium">{nameOf(c)}</span>
                <Consent c={c} />
              </span>
              <span className="tabular-nums text-muted-foreground">{formatPhone(c.phone)}</span>
              <span className="text-xs text-muted-foreground">
                Last visit {formatDate(c.lastVisitAt, timeZone)} · Next {formatDateTime(c.nextAppointmentAt, timeZone, "short")}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
