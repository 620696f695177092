// Edit a customer's name, number and email (notes are edited on their page).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerForm } from "@/components/customers/customer-form";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/api/errors";
import { requireSessionContext } from "@/lib/auth/session";
import { getCustomer } from "@/lib/customers/get-customer";
import { formatPhone } from "@/lib/phone";
import { resourceIdSchema } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Edit customer" };

export default async function EditCustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const session = await requireSessionContext();
  const id = resourceIdSchema.safeParse((await params).customerId);
  if (!id.success) notFound();
  const customer = await getCustomer(session.salonId, id.data).catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  });
  return (
    <>
      <PageHeader title={`Edit ${customer.name ?? formatPhone(customer.phone)}`} />
      <CustomerForm customer={{ ...customer, phone: formatPhone(customer.phone) }} />
    </>
  );
}
