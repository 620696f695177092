// Add a customer by hand (callers and texters are added on their own).
import type { Metadata } from "next";
import { CustomerForm } from "@/components/customers/customer-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Add customer" };

export default async function NewCustomerPage() {
  await requireSessionContext();
  return (
    <>
      <PageHeader title="Add customer" description="Their mobile number is how Bolt recognises them when they call or text." />
      <CustomerForm />
    </>
  );
}
