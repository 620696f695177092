// Settings: the salon profile. Owners edit it; staff see it read-only with a note saying why.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ArrowRightIcon, KeyRoundIcon, PhoneIcon } from "lucide-react";
import { SalonProfileForm } from "@/components/settings/salon-profile-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { requireSessionContext } from "@/lib/auth/session";
import { formatPhone } from "@/lib/phone";
import { getSalonById } from "@/lib/salons/queries";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const session = await requireSessionContext();
  const salon = await getSalonById(session.salonId);
  const isOwner = session.role === "OWNER";

  return (
    <>
      <PageHeader title="Settings" description="How Bolt introduces your salon to callers and in texts." />
      <SettingsNav sections={settingsSectionsFor(session.role)} />
      <div className="grid max-w-3xl grid-cols-1 gap-6">
        {!isOwner && (
          <Notice tone="warning" title={OWNER_ONLY_MESSAGE}>
            You can see your salon&apos;s details here; ask the owner if something needs changing.
          </Notice>
        )}
        <Card className="gap-0 py-4">
          <CardHeader className="px-4">
            <CardTitle className="flex items-center gap-2 text-base">
              <PhoneIcon className="size-4 text-muted-foreground" aria-hidden />
              Bolt number
            </CardTitle>
            <CardDescription>
              {salon.twilioNumber
                ? `${formatPhone(salon.twilioNumber)} — the number clients call and text.`
                : "No number yet. It's set up automatically when your subscription starts."}
            </CardDescription>
          </CardHeader>
        </Card>
        <SalonProfileForm
          readOnly={!isOwner}
          // Remounts the fields after a save so they show the saved values (e.g. a normalized phone).
          version={salon.updatedAt.toISOString()}
          salon={{
            name: salon.name,
            timeZone: salon.timeZone,
            // Shown the way people write them; the action turns them back into E.164.
            phone: formatPhone(salon.phone),
            addressLine1: salon.addressLine1,
            addressLine2: salon.addressLine2,
            city: salon.city,
            region: salon.region,
            postalCode: salon.postalCode,
            country: salon.country,
            directions: salon.directions,
          }}
        />
        {isOwner && (
          <Card className="py-4">
            <CardHeader className="px-4">
              <CardTitle className="flex items-center gap-2 text-base">
                <KeyRoundIcon className="size-4 text-muted-foreground" aria-hidden />
                API keys
              </CardTitle>
              <CardDescription>Connect your booking system or website to Bolt.</CardDescription>
              <CardAction>
                <Button asChild variant="outline" size="sm">
                  <Link href="/settings/api-keys">
                    Manage keys
                    <ArrowRightIcon aria-hidden />
                  </Link>
                </Button>
              </CardAction>
            </CardHeader>
          </Card>
        )}
      </div>
    </>
  );
}
