// Settings → Messaging: reminder times, quiet hours, automatic confirmations and the monthly text
// limit. Owners edit; staff see the same values read-only with a note saying why.
import type { Metadata } from "next";
import { MessagingSettingsForm } from "@/components/settings/messaging-settings-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { describeTimeZone } from "@/components/settings/time-zones";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { requireSessionContext } from "@/lib/auth/session";
import { getMessagingSettings } from "@/lib/salons/get-messaging-settings";

export const metadata: Metadata = { title: "Messaging settings" };

export default async function MessagingSettingsPage() {
  const session = await requireSessionContext();
  const settings = await getMessagingSettings(session.salonId);
  const isOwner = session.role === "OWNER";

  return (
    <>
      <PageHeader
        title="Settings"
        description="When Bolt texts your customers, and how many texts it may send."
      />
      <SettingsNav sections={settingsSectionsFor(session.role)} />
      {!isOwner && (
        <Notice tone="warning" title={OWNER_ONLY_MESSAGE}>
          You can see how texting is set up here; ask the owner if something needs changing.
        </Notice>
      )}
      <div className="grid max-w-3xl gap-6">
        <MessagingSettingsForm
          readOnly={!isOwner}
          values={{
            reminderOffsetsMinutes: settings.reminderOffsetsMinutes,
            quietHoursStart: settings.quietHoursStart,
            quietHoursEnd: settings.quietHoursEnd,
            autoConfirm: settings.autoConfirm,
            monthlySmsQuota: settings.monthlySmsQuota,
            smsUsedThisMonth: settings.smsUsedThisMonth,
            timeZoneLabel: describeTimeZone(settings.timeZone),
          }}
        />
      </div>
    </>
  );
}
