// Settings → Team: everyone with a login. Owners get the actions (role, remove); staff see the list only.
import { Badge } from "@/components/ui/badge";
import { RemoveMemberButton } from "@/components/team/remove-member-button";
import { TeamActionButton } from "@/components/team/team-action-button";
import { formatDateTime, formatRelative } from "@/lib/format";
import { changeMemberRoleAction } from "@/lib/team/actions";
import type { TeamMember } from "@/lib/team/members";

type Props = { members: TeamMember[]; currentUserId: string; canManage: boolean; timeZone: string; now: Date };

export function MemberList({ members, currentUserId, canManage, timeZone, now }: Props) {
  return (
    <ul className="w-full divide-y rounded-xl border bg-card shadow-xs" aria-label="Team members">
      {members.map((m) => (
        <li key={m.userId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <div className="grid min-w-0 max-w-full gap-0.5">
            <span className="flex flex-wrap items-center gap-2 font-medium">
              {m.name}
              <Badge variant={m.role === "OWNER" ? "default" : "secondary"}>{m.role === "OWNER" ? "Owner" : "Staff"}</Badge>
              {m.userId === currentUserId && <Badge variant="outline">You</Badge>}
            </span>
            <span className="text-sm break-all text-muted-foreground">{m.email}</span>
            <span className="text-xs text-muted-foreground">
              {m.lastSeenAt ? (
                <>
                  Last seen{" "}
                  <time dateTime={m.lastSeenAt.toISOString()} title={formatDateTime(m.lastSeenAt, timeZone)}>
                    {formatRelative(m.lastSeenAt, now, timeZone)}
                  </time>
                </>
              ) : (
                "Hasn't signed in yet"
              )}
            </span>
          </div>
          {canManage && (
            <div className="flex items-center gap-1">
              <TeamActionButton
                action={changeMemberRoleAction}
                fields={{ userId: m.userId, role: m.role === "OWNER" ? "STAFF" : "OWNER" }}
              >
                {m.role === "OWNER" ? "Make staff" : "Make owner"}
                <span className="sr-only"> ({m.name})</span>
              </TeamActionButton>
              {m.userId !== currentUserId && <RemoveMemberButton userId={m.userId} name={m.name} />}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
