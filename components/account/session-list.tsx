// Settings → Account: the browsers signed in to your account, most recently used first.
import { MonitorSmartphoneIcon } from "lucide-react";
import { EndSessionButton } from "@/components/account/end-session-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { ActiveSession } from "@/lib/auth/sessions";
import { formatDateTime, formatRelative } from "@/lib/format";

type Props = { sessions: ActiveSession[]; currentSessionId: string; timeZone: string; now: Date };

export function SessionList({ sessions, currentSessionId, timeZone, now }: Props) {
  if (sessions.length === 0) {
    return <EmptyState icon={MonitorSmartphoneIcon} title="No other signed-in browsers" />;
  }
  return (
    <ul className="w-full divide-y rounded-xl border bg-card shadow-xs" aria-label="Signed-in browsers">
      {sessions.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
          <div className="grid gap-0.5">
            <span className="flex items-center gap-2 font-medium">
              {s.userAgent ?? "Unknown browser"}
              {s.id === currentSessionId && <Badge variant="secondary">This device</Badge>}
            </span>
            <span className="text-sm text-muted-foreground">
              Signed in{" "}
              <time dateTime={s.createdAt.toISOString()}>{formatDateTime(s.createdAt, timeZone)}</time>
            </span>
          </div>
          <span className="flex items-center gap-2 text-sm text-muted-foreground">
            <span>
              Last active{" "}
              <time dateTime={s.lastSeenAt.toISOString()} title={formatDateTime(s.lastSeenAt, timeZone)}>
                {formatRelative(s.lastSeenAt, now, timeZone)}
              </time>
            </span>
            {s.id !== currentSessionId && <EndSessionButton id={s.id} label={s.userAgent ?? "Unknown browser"} />}
          </span>
        </li>
      ))}
    </ul>
  );
}
