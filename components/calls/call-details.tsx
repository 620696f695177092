// The facts about one call, as a definition list; empty facts are left out.
import { CallReasonBadge } from "@/components/calls/call-badges";
import { CALL_STATUS_LABELS } from "@/components/calls/labels";
import { formatDuration } from "@/lib/format";
import type { CallReason, CallStatus } from "@/lib/generated/prisma/enums";
import { formatCallerNumber, formatPhone } from "@/lib/phone";

type Props = {
  call: {
    from: string;
    reason: CallReason | null;
    status: CallStatus;
    durationSeconds: number | null;
    forwardedTo: string | null;
  };
};

export function CallDetails({ call }: Props) {
  const items: Array<[string, React.ReactNode]> = [
    ["Number", formatCallerNumber(call.from)],
    ["Wanted", <CallReasonBadge key="reason" reason={call.reason} />],
    ["Line status", CALL_STATUS_LABELS[call.status]],
    ["Length", formatDuration(call.durationSeconds)],
    ["Forwarded to", call.forwardedTo ? formatPhone(call.forwardedTo) : null],
  ];
  return (
    <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2.5 text-sm">
      {items
        .filter(([, value]) => value !== null && value !== "")
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 font-medium">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
