// Settings → Team (owners): invitations not yet accepted, with resend (a new link) and revoke.
import { MailIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TeamActionButton } from "@/components/team/team-action-button";
import { formatDateTime, formatRelative } from "@/lib/format";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/team/actions";
import type { PendingInvitation } from "@/lib/team/invitations";

type Props = { invitations: PendingInvitation[]; timeZone: string; now: Date };

export function InvitationList({ invitations, timeZone, now }: Props) {
  if (invitations.length === 0)
    return (
      <EmptyState
        icon={MailIcon}
        title="No pending invitations"
        description="Use “Invite” to give a stylist or your front desk their own login."
      />
    );
  return (
    <ul className="w-full divide-y rounded-xl border bg-card shadow-xs" aria-label="Pending invitations">
      {invitations.map((inv) => {
        const expired = inv.expiresAt <= now;
        return (
          <li key={inv.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
            <div className="grid min-w-0 max-w-full gap-0.5">
              <span className="flex flex-wrap items-center gap-2 font-medium">
                <span className="min-w-0 break-all">{inv.email}</span>
                <Badge variant="secondary">{inv.role === "OWNER" ? "Owner" : "Staff"}</Badge>
                {expired && <Badge variant="warning">Expired</Badge>}
              </span>
              <span className="text-xs text-muted-foreground">
                {expired ? "Expired " : "Link expires "}
                <time dateTime={inv.expiresAt.toISOString()} title={formatDateTime(inv.expiresAt, timeZone)}>
                  {formatRelative(inv.expiresAt, now, timeZone)}
                </time>
              </span>
            </div>
            <div className="flex items-center gap-1">
              <TeamActionButton action={resendInvitationAction} fields={{ id: inv.id }}>
                Resend<span className="sr-only"> to {inv.email}</span>
              </TeamActionButton>
              <TeamActionButton action={revokeInvitationAction} fields={{ id: inv.id }} variant="ghost">
                Revoke<span className="sr-only"> the invitation to {inv.email}</span>
              </TeamActionButton>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
