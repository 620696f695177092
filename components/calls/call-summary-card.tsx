// The call page's summary: what the caller wanted, what Bolt did, and whether staff need to follow
// up (with why, who handled it and when, who has it), with the buttons that mark it handled or reopen
// it and assign it.
import { FollowUpBadge } from "@/components/calls/call-badges";
import { FollowUpControls } from "@/components/calls/call-follow-up";
import { actionWords, FOLLOW_UP_REASON_WORDS, wantedWords } from "@/components/calls/summary-words";
import { OUTCOME_LABELS } from "@/components/calls/labels";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CallOutcome } from "@/lib/calls/call-outcome";
import type { CallSummary } from "@/lib/calls/call-summary";
import { formatDateTime } from "@/lib/format";

type Props = {
  callId: string;
  summary: CallSummary;
  outcome: CallOutcome;
  followUp: "OPEN" | "HANDLED" | null;
  changedAt: Date | null;
  changedBy: { name: string } | null;
  assignee: { id: string; name: string } | null;
  viewerId: string;
  timeZone: string;
};

function followUpWords(props: Props): string {
  const words = stateWords(props);
  return props.assignee && props.followUp === "OPEN" ? `${words} Assigned to ${props.assignee.id === props.viewerId ? "you" : props.assignee.name}.` : words;
}

function stateWords({ summary, followUp, changedAt, changedBy, timeZone }: Props): string {
  const why = summary.followUp ? FOLLOW_UP_REASON_WORDS[summary.followUp] : null;
  const who = [changedBy?.name, changedAt ? formatDateTime(changedAt, timeZone, "long") : null].filter(Boolean).join(", ");
  if (followUp === "HANDLED") return who ? `Followed up (${who}).` : "Followed up.";
  if (followUp === "OPEN") return why ? `${why}.` : who ? `Reopened (${who}).` : "Someone should get back to them.";
  return "Nothing to follow up.";
}

export function CallSummaryCard(props: Props) {
  const { callId, summary, outcome, followUp, timeZone } = props;
  const did = summary.actions.map((a) => actionWords(a, timeZone));
  const language = summary.language === "es" ? "Spanish" : summary.language === "en" ? "English" : null;
  return (
    <Card data-testid="call-summary" className={followUp === "OPEN" ? "border-amber-300" : undefined}>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          Summary
          <FollowUpBadge state={followUp} />
        </CardTitle>
        <CardDescription>{followUpWords(props)}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid gap-x-4 gap-y-2.5 text-sm sm:grid-cols-[7rem_1fr]">
          <dt className="text-muted-foreground">Wanted</dt>
          <dd className="font-medium">{wantedWords(summary)}</dd>
          <dt className="text-muted-foreground">Bolt did</dt>
          <dd className="font-medium">
            {did.length > 0 ? (
              <ul className="grid gap-1">
                {did.map((words, i) => (
                  <li key={i}>{words}</li>
                ))}
              </ul>
            ) : (
              OUTCOME_LABELS[outcome]
            )}
          </dd>
          {language && (
            <>
              <dt className="text-muted-foreground">Language</dt>
              <dd className="font-medium">{language}</dd>
            </>
          )}
        </dl>
        <FollowUpControls target="call" id={callId} state={followUp} assigneeId={props.assignee?.id ?? null} viewerId={props.viewerId} />
      </CardContent>
    </Card>
  );
}
