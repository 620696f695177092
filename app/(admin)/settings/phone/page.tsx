// Settings → Phone & hours: the salon's number (state, webhooks at Twilio, history), then the greeting,
// weekly hours, closures and holiday hours, forwarding phone and the texts Bolt sends on the salon's behalf. Owners edit; staff see
// the same values read-only with a note saying why.
import type { Metadata } from "next";
import { NumberHistory } from "@/components/phone-numbers/number-history";
import { PhoneNumberCard } from "@/components/phone-numbers/phone-number-card";
import { PhoneSettingsForm } from "@/components/settings/phone-settings-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { SpecialDaysCard } from "@/components/settings/special-days-card";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { describeTimeZone } from "@/components/settings/time-zones";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { requireSessionContext } from "@/lib/auth/session";
import { textTemplates } from "@/lib/i18n/text-templates";
import { DEFAULT_AUTO_REPLY } from "@/lib/messaging/auto-reply";
import { formatPhone } from "@/lib/phone";
import { getNumberStatus } from "@/lib/phone-numbers/get-number-status";
import { listNumberHistory } from "@/lib/phone-numbers/number-audit";
import { hasNumberSubscription } from "@/lib/phone-numbers/subscription-sync";
import { businessHoursSchema, parseBusinessHours } from "@/lib/salons/business-hours";
import { getSalonById } from "@/lib/salons/queries";
import { localDateKey } from "@/lib/time/zoned";
import { listSpecialDays } from "@/lib/salons/special-days-queries";
import { salonClockTime } from "@/lib/time/clock";
import { getZonedParts } from "@/lib/time/zoned";
import { greetingFor } from "@/lib/telephony/webhooks/handle-incoming-call";

export const metadata: Metadata = { title: "Phone & hours" };

export default async function PhoneSettingsPage() {
  const session = await requireSessionContext();
  const now = salonClockTime(new Date());
  const [salon, numberStatus, history, specialDays] = await Promise.all([
    getSalonById(session.salonId),
    getNumberStatus(session.salonId),
    listNumberHistory(session.salonId),
    listSpecialDays(session.salonId, now),
  ]);
  const isOwner = session.role === "OWNER";
  // Hours saved before validation existed (or edited by hand) open as an empty week rather than crash.
  const hours = parseBusinessHours(salon.businessHours);

  return (
    <>
      <PageHeader title="Settings" description="What callers hear, when you're open, and who picks up." />
      <SettingsNav sections={settingsSectionsFor(session.role)} />
      {!isOwner && (
        <Notice tone="warning" title={OWNER_ONLY_MESSAGE}>
          You can see how the phone is set up here; ask the owner if something needs changing.
        </Notice>
      )}
      {isOwner && !hours && (
        <Notice tone="warning" title="Your saved hours couldn't be read">
          Set them again below and save, so Bolt can tell callers when you&apos;re open.
        </Notice>
      )}
      <div className="grid max-w-3xl gap-6">
        <PhoneNumberCard
          status={numberStatus}
          isOwner={isOwner}
          subscribed={hasNumberSubscription(salon.subscriptionStatus)}
          timeZone={salon.timeZone}
        />
        <NumberHistory entries={history} timeZone={salon.timeZone} />
        <PhoneSettingsForm
          readOnly={!isOwner}
          version={salon.updatedAt.toISOString()}
          values={{
            greeting: salon.greeting ?? "",
            autoReply: salon.autoReply ?? "",
            greetingEs: salon.greetingEs ?? "",
            autoReplyEs: salon.autoReplyEs ?? "",
            bookingInstructions: salon.bookingInstructions ?? "",
            forwardingPhone: formatPhone(salon.forwardingPhone),
            businessHours: hours ?? businessHoursSchema.parse({}),
            defaults: {
              greeting: greetingFor({ greeting: null, name: salon.name }),
              autoReply: DEFAULT_AUTO_REPLY,
              greetingEs: greetingFor({ greeting: null, name: salon.name }, "es"),
              autoReplyEs: textTemplates("es").defaultAutoReply,
            },
            timeZoneLabel: describeTimeZone(salon.timeZone),
          }}
        />
        <SpecialDaysCard
          days={specialDays}
          today={localDateKey(getZonedParts(now, salon.timeZone))}
          timeZoneLabel={describeTimeZone(salon.timeZone)}
          readOnly={!isOwner}
        />
      </div>
    </>
  );
}
