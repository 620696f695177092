// Customers: the salon's book by name, searched by name, phone (any format) or email, a page at a time
// (?q=…&cursor=…). Add, import and export from the header.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { DownloadIcon, PlusIcon, SearchXIcon, UploadIcon, UsersIcon } from "lucide-react";
import { CustomerList } from "@/components/customers/customer-list";
import { CustomerSearch } from "@/components/customers/customer-search";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { listCustomers } from "@/lib/customers/list-customers";
import { getSalonById } from "@/lib/salons/queries";
import { readSearchParams, type RawSearchParams } from "@/lib/url-state";
import { customersPageQuerySchema } from "@/lib/validations/customers";

export const metadata: Metadata = { title: "Customers" };

const PAGE_SIZE = 25;

export default async function CustomersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const session = await requireSessionContext();
  const raw = await searchParams;
  const { query } = readSearchParams(customersPageQuerySchema, raw);
  const [salon, page] = await Promise.all([
    getSalonById(session.salonId),
    listCustomers(session.salonId, { q: query.q, cursor: query.cursor, limit: PAGE_SIZE, now: new Date() }),
  ]);
  const next = page.nextCursor ? `/customers?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), cursor: page.nextCursor })}` : null;

  const header = (
    <PageHeader
      title="Customers"
      description="Everyone who has booked, called or texted your salon."
      actions={
        <>
          <Button asChild variant="outline" size="sm">
            <a href="/api/customers/export" download>
              <DownloadIcon aria-hidden /> Export CSV
            </a>
          </Button>
          <Button asChild variant="outline" size="sm">
            <Link href="/customers/import">
              <UploadIcon aria-hidden /> Import CSV
            </Link>
          </Button>
          <Button asChild size="sm">
            <Link href="/customers/new">
              <PlusIcon aria-hidden /> Add customer
            </Link>
          </Button>
        </>
      }
    />
  );

  if (page.data.length === 0 && !query.q && !query.cursor) {
    return (
      <>
        {header}
        <EmptyState
          icon={UsersIcon}
          title="No customers yet"
          description="Add your customers one by one or import them from a spreadsheet. People who call or text your Bolt number are added on their own."
          action={
            <Button asChild>
              <Link href="/customers/import">Import a CSV file</Link>
            </Button>
          }
        />
      </>
    );
  }

  return (
    <>
      {header}
      {raw.deleted && <Notice title="Customer deleted" />}
      <CustomerSearch q={query.q} />
      {page.data.length > 0 ? (
        <CustomerList customers={page.data} timeZone={salon.timeZone} />
      ) : (
        <EmptyState
          icon={SearchXIcon}
          title={query.q ? `No customer matches “${query.q}”` : "Nothing on this page"}
          description="Search by the start of a first or last name, a whole phone number in any format, or an email address."
          action={
            <Button asChild variant="outline">
              <Link href="/customers">Show everyone</Link>
            </Button>
          }
        />
      )}
      <nav aria-label="Pages" className="flex justify-end gap-2">
        {query.cursor && (
          <Button asChild variant="outline" size="sm">
            <Link href={query.q ? `/customers?q=${encodeURIComponent(query.q)}` : "/customers"}>First page</Link>
          </Button>
        )}
        {next && (
          <Button asChild variant="outline" size="sm">
            <Link href={next}>Next page</Link>
          </Button>
        )}
      </nav>
    </>
  );
}
