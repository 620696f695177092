// The employee checked before anything streams (the list's loading skeleton is in (list)/), so an unknown id
// answers HTTP 404 (lib/salons/require-salon-record.ts).
import { requireSalonRecord } from "@/lib/salons/require-salon-record";

type Props = { children: React.ReactNode; params: Promise<{ employeeId: string }> };

export default async function EmployeeLayout({ children, params }: Props) {
  await requireSalonRecord("employee", (await params).employeeId);
  return children;
}
