// The call table's and call page's badges: the outcome (missed calls in red, so they stand out) and
// what the caller wanted.
import { PhoneIncomingIcon, PhoneMissedIcon, PhoneIcon, VoicemailIcon, BotIcon } from "lucide-react";
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
