// The notification checked before the page's loading skeleton streams, so an unknown id answers HTTP 404.
import { requireSalonRecord } from "@/lib/salons/require-salon-record";

type Props = { children: React.ReactNode; params: Promise<{ id: string }> };

export default async function NotificationLayout({ children, params }: Props) {
  await requireSalonRecord("notification", (await params).id);
  return children;
}
