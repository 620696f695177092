// The conversation's customer checked before the page's loading skeleton streams, so an unknown id answers HTTP 404.
import { requireSalonRecord } from "@/lib/salons/require-salon-record";

type Props = { children: React.ReactNode; params: Promise<{ customerId: string }> };

export default async function ConversationLayout({ children, params }: Props) {
  await requireSalonRecord("conversation", (await params).customerId);
  return children;
}
