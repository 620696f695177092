// A customer's texting consent in plain words. An opt-out is the customer's to undo (by texting START), so
// the page says so instead of offering a switch.
import { Notice } from "@/components/ui/notice";
import { formatDate } from "@/lib/format";

export function ConsentNotice({ optedOutAt, stopTextedAt, timeZone }: { optedOutAt: Date | null; stopTextedAt: Date | null; timeZone: string }) {
  const how = stopTextedAt ? `Texted STOP on ${formatDate(stopTextedAt, timeZone)}` : `Texts turned off on ${formatDate(optedOutAt, timeZone)}`;
  return (
    <Notice tone="warning" title="This customer doesn't get texts">
      {how} — only the customer can turn texts back on, by texting START to your Bolt number. Reminders and confirmations to them are not sent.
    </Notice>
  );
}
