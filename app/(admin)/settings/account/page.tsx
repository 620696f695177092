// Settings → Account (every member): your password and the browsers signed in as you.
import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionList } from "@/components/account/session-list";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/auth/sessions";
import { getSalonById } from "@/lib/salons/queries";

export const metadata: Metadata = { title: "Account" };

export default async function AccountSettingsPage() {
  const session = await requireSessionContext();
  const [salon, sessions] = await Promise.all([
    getSalonById(session.salonId),
    listActiveSessions(session.userId),
  ]);

  return (
    <>
      <PageHeader title="Account" description={`Signed in as ${session.name} (${session.email}).`} />
      <SettingsNav sections={settingsSectionsFor(session.role)} />
      <div className="grid max-w-3xl grid-cols-1 gap-6">
        <ChangePasswordForm />
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Where you&apos;re signed in</CardTitle>
            <CardDescription>
              Don&apos;t recognize one? Sign out everywhere, then change your password.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid justify-items-start gap-4">
            <SessionList
              sessions={sessions}
              currentSessionId={session.sessionId}
              timeZone={salon.timeZone}
              now={new Date()}
            />
            <SignOutEverywhereButton />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
