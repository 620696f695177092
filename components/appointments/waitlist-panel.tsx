// The Calendar page's Waitlist: who is waiting for a time, oldest first (the order a cancelled
// appointment's time is texted in), what they want, and where their latest offer stands. Staff can
// take someone off it.
import Link from "@/components/ui/link";
import { ClockIcon } from "lucide-react";
import { RemoveWaitlistEntryButton } from "@/components/appointments/remove-waitlist-entry-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import type { WaitlistEntryJson } from "@/lib/validations/waitlist";
import { offerTime } from "@/lib/waitlist/offer-texts";

type Props = { entries: WaitlistEntryJson[]; more: boolean; timeZone: string; now: Date };

function wish(entry: WaitlistEntryJson): string {
  const what = entry.service?.name ?? "Any service";
  const who = entry.stylist ? ` with ${entry.stylist.name}` : "";
  return entry.appointmentId ? `${what}${who}, earlier than their booking` : `${what}${who}`;
}

function offerState(entry: WaitlistEntryJson, timeZone: string, now: Date): { label: string; tone: "default" | "secondary" | "outline" } {
  const offer = entry.lastOffer;
  if (entry.status === "OFFERED" && offer && new Date(offer.expiresAt) > now) {
    return { label: `Offered ${offerTime(new Date(offer.startsAt), timeZone, "en")}`, tone: "default" };
  }
  return { label: "Waiting", tone: "secondary" };
}

export function WaitlistPanel({ entries, more, timeZone, now }: Props) {
  return (
    <Card className="mt-6">
      <CardHeader>
        <CardTitle>Waitlist</CardTitle>
        <CardDescription>
          When an appointment is cancelled, its time is texted to the first three who fit, oldest first; the first to reply 1 gets it.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <ClockIcon className="size-4" aria-hidden />
            No one is waiting. Customers join by asking the receptionist to hear about an earlier time.
          </p>
        ) : (
          <ol className="divide-y">
            {entries.map((entry) => {
              const state = offerState(entry, timeZone, now);
              const name = entry.customer.name ?? formatPhone(entry.customer.phone);
              return (
                <li key={entry.id} className="flex flex-col gap-1 py-2 text-sm sm:grid sm:grid-cols-[1fr_auto] sm:items-center sm:gap-x-3">
                  <div className="min-w-0">
                    <Link href={`/customers/${entry.customer.id}`} className="font-medium hover:underline">
                      {name}
                    </Link>
                    {entry.language === "es" && <span className="ml-2 text-xs text-muted-foreground">Español</span>}
                    <p className="text-muted-foreground">
                      {wish(entry)} · until {formatDate(entry.windowEnd, timeZone)}
                    </p>
                  </div>
                  {/* Phones put the state and the button on a line of their own under the customer's wish. */}
                  <div className="flex items-center justify-between gap-3 sm:justify-end">
                    <Badge variant={state.tone}>{state.label}</Badge>
                    <RemoveWaitlistEntryButton id={entry.id} name={name} />
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {more && <p className="mt-2 text-xs text-muted-foreground">Showing the first {entries.length}; the API lists everyone.</p>}
      </CardContent>
    </Card>
  );
}
