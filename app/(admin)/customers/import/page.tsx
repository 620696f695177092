// Import customers from a spreadsheet's CSV: check the file first, then import every row at once.
import type { Metadata } from "next";
import { CustomerImport } from "@/components/customers/customer-import";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import customers" };

export default async function ImportCustomersPage() {
  await requireSessionContext();
  return (
    <>
      <PageHeader title="Import customers" description="From a CSV file exported by a spreadsheet or your old booking system. You see every row before anything is saved." />
      <CustomerImport />
    </>
  );
}
