// Settings → Team: every member sees who has a login; owners invite, change roles and remove members.
import type { Metadata } from "next";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { InvitationList } from "@/components/team/invitation-list";
import { InviteMemberDialog } from "@/components/team/invite-member-dialog";
import { MemberList } from "@/components/team/member-list";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { getSalonById } from "@/lib/salons/queries";
import { listPendingInvitations } from "@/lib/team/invitations";
import { listMembers } from "@/lib/team/members";

export const metadata: Metadata = { title: "Team" };

export default async function TeamSettingsPage() {
  const session = await requireSessionContext();
  const isOwner = session.role === "OWNER";
  const [salon, members, invitations] = await Promise.all([
    getSalonById(session.salonId),
    listMembers(session.salonId),
    isOwner ? listPendingInvitations(session.salonId) : Promise.resolve([]),
  ]);
  const now = new Date();

  return (
    <>
      <PageHeader
        title="Team"
        description="Everyone who signs in to Bolt for your salon. Owners also manage settings, billing and the team."
        actions={isOwner ? <InviteMemberDialog /> : undefined}
      />
      <SettingsNav sections={settingsSectionsFor(session.role)} />
      <div className="grid max-w-3xl grid-cols-1 gap-6">
        {!isOwner && <Notice>Only owners can invite people or change the team.</Notice>}
        <section className="grid gap-3" aria-labelledby="members-heading">
          <h2 id="members-heading" className="text-base font-semibold">
            Members
          </h2>
          <MemberList
            members={members}
            currentUserId={session.userId}
            canManage={isOwner}
            timeZone={salon.timeZone}
            now={now}
          />
        </section>
        {isOwner && (
          <section className="grid gap-3" aria-labelledby="invitations-heading">
            <h2 id="invitations-heading" className="text-base font-semibold">
              Pending invitations
            </h2>
            <InvitationList invitations={invitations} timeZone={salon.timeZone} now={now} />
          </section>
        )}
      </div>
    </>
  );
}
