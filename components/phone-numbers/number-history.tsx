// The number's history from the audit log, newest first.
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { NumberHistoryEntry } from "@/lib/phone-numbers/number-audit";

const WORDS: Record<string, string> = {
  "phone_number.requested": "Number requested",
  "phone_number.provisioned": "Number bought",
  "phone_number.provision_failed": "Buying the number failed",
  "phone_number.release_scheduled": "Release scheduled",
  "phone_number.release_cancelled": "Release called off",
  "phone_number.released": "Number released",
  "phone_number.webhooks_applied": "Webhook settings re-applied",
};

function detailOf(entry: NumberHistoryEntry): string {
  const m = (entry.metadata ?? {}) as Record<string, unknown>;
  if (typeof m.reason === "string") return m.reason;
  if (m.adopted === true) return `${String(m.phoneNumber)} (found at Twilio after an interrupted purchase)`;
  if (typeof m.releaseAt === "string") return `on ${new Date(m.releaseAt).toUTCString().slice(0, 16)}`;
  if (typeof m.phoneNumber === "string") return m.phoneNumber;
  if (typeof m.preferredAreaCode === "string") return `area code ${m.preferredAreaCode}`;
  return "";
}

export function NumberHistory({ entries, timeZone }: { entries: NumberHistoryEntry[]; timeZone: string }) {
  if (entries.length === 0) return null;
  const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Number history</CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-2 text-sm">
          {entries.map((entry, i) => (
            <li key={i} className="flex flex-wrap gap-x-3">
              <time className="text-muted-foreground tabular-nums" dateTime={entry.at.toISOString()}>
                {when.format(entry.at)}
              </time>
              <span className="font-medium">{WORDS[entry.action] ?? entry.action}</span>
              <span className="text-muted-foreground break-all">{detailOf(entry)}</span>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
