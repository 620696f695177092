// Settings → Alerts: every member (owners and staff alike) chooses which events alert them, by text to
// their own phone, by email or in this browser, and their own quiet hours.
import type { Metadata } from "next";
import { AlertsForm } from "@/components/settings/alerts-form";
import { AlertsPushToggle } from "@/components/settings/alerts-push-toggle";
import { AlertsTestButton } from "@/components/settings/alerts-test-button";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { describeTimeZone } from "@/components/settings/time-zones";
import { PageHeader } from "@/components/ui/page-header";
import { getAlertPreferences } from "@/lib/alerts/preferences";
import { getVapidKeys } from "@/lib/alerts/vapid";
import { requireSessionContext } from "@/lib/auth/session";
import { formatPhone } from "@/lib/phone";
import { salonTimeZoneOf } from "@/lib/salons/salon-time-zone";

export const metadata: Metadata = { title: "Alert settings" };

export default async function AlertsSettingsPage() {
  const session = await requireSessionContext();
  const [choices, vapid, timeZone] = await Promise.all([
    getAlertPreferences(session),
    getVapidKeys(),
    salonTimeZoneOf(session.salonId),
  ]);

  return (
    <>
      <PageHeader title="Settings" description="How Bolt tells you about texts, voicemails and calls — your own choices." />
      <SettingsNav sections={settingsSectionsFor(session.role)} />
      <div className="grid max-w-3xl gap-6">
        <AlertsPushToggle vapidPublicKey={vapid.publicKey} />
        <AlertsForm
          values={{
            phone: formatPhone(choices.phone),
            events: choices.events,
            quietHours: choices.quietHours,
            timeZoneLabel: describeTimeZone(timeZone),
          }}
        />
        <AlertsTestButton />
      </div>
    </>
  );
}
