// The call checked before the page's loading skeleton streams, so an unknown id answers HTTP 404.
import { requireSalonRecord } from "@/lib/salons/require-salon-record";

type Props = { children: React.ReactNode; params: Promise<{ callId: string }> };

export default async function CallLayout({ children, params }: Props) {
  await requireSalonRecord("call", (await params).callId);
  return children;
}
