// The call table's and call page's badges: the outcome (missed calls in red, so they stand out), what
// the caller wanted, and whether staff need to follow up.
import { BellRingIcon, BotIcon, CalendarCheckIcon, CheckIcon, PhoneIcon, PhoneIncomingIcon, PhoneMissedIcon, VoicemailIcon } from "lucide-react";
import { OUTCOME_LABELS, REASON_LABELS } from "@/components/calls/labels";
import { Badge } from "@/components/ui/badge";
import type { CallOutcome } from "@/lib/calls/call-outcome";
import type { CallReason } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";

const OUTCOME_STYLES: Record<CallOutcome, { className: string; icon: typeof PhoneIcon }> = {
  MISSED: { className: "border-transparent bg-destructive/10 text-destructive", icon: PhoneMissedIcon },
  VOICEMAIL: { className: "border-transparent bg-warning/20 text-warning-foreground", icon: VoicemailIcon },
  ANSWERED_BY_STAFF: { className: "border-transparent bg-success/12 text-success", icon: PhoneIncomingIcon },
  ANSWERED_BY_BOLT: { className: "border-transparent bg-sky-100 text-sky-800", icon: BotIcon },
  BOOKED_BY_BOLT: { className: "border-transparent bg-violet-100 text-violet-800", icon: CalendarCheckIcon },
  IN_PROGRESS: { className: "border-transparent bg-secondary text-secondary-foreground", icon: PhoneIcon },
};

export function CallOutcomeBadge({ outcome, className }: { outcome: CallOutcome; className?: string }) {
  const { className: tone, icon: Icon } = OUTCOME_STYLES[outcome];
  return (
    <Badge variant="outline" data-outcome={outcome} className={cn(tone, className)}>
      <Icon aria-hidden />
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}

export function CallReasonBadge({ reason }: { reason: CallReason | null }) {
  if (!reason) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge variant="outline" className="font-normal">
      {REASON_LABELS[reason]}
    </Badge>
  );
}

/** "Needs follow-up" while open; a quiet "Handled" once staff have; nothing when none was needed. */
export function FollowUpBadge({ state }: { state: "OPEN" | "HANDLED" | null }) {
  if (state === "OPEN") {
    return (
      <Badge variant="outline" data-follow-up="open" className="border-amber-300 bg-amber-50 text-amber-900">
        <BellRingIcon aria-hidden />
        Needs follow-up
      </Badge>
    );
  }
  if (state === "HANDLED") {
    return (
      <span data-follow-up="handled" className="flex items-center gap-1 text-xs text-muted-foreground">
        <CheckIcon className="size-3 shrink-0" aria-hidden />
        Followed up
      </span>
    );
  }
  return null;
}
