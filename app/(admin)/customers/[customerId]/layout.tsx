// The customer checked before anything streams (the list's loading skeleton is in (list)/), so an unknown id
// answers HTTP 404 (lib/salons/require-salon-record.ts).
import { requireSalonRecord } from "@/lib/salons/require-salon-record";

type Props = { children: React.ReactNode; params: Promise<{ customerId: string }> };

export default async function CustomerLayout({ children, params }: Props) {
  await requireSalonRecord("customer", (await params).customerId);
  return children;
}
