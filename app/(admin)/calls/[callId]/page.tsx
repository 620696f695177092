// One call: its summary and follow-up, how it went (timeline), the voicemail and its transcript, and
// the staff's notes.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";
import { CallActions } from "@/components/calls/call-actions";
import { CallOutcomeBadge } from "@/components/calls/call-badges";
import { CallDetails } from "@/components/calls/call-details";
import { CallNotesForm } from "@/components/calls/call-notes-form";
import { CallSummaryCard } from "@/components/calls/call-summary-card";
import { callerNameOf } from "@/components/calls/call-row";
import { CallTimeline } from "@/components/calls/call-timeline";
import { CallVoicemail } from "@/components/calls/call-voicemail";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/api/errors";
import { requireSessionContext } from "@/lib/auth/session";
import { callOutcomeOf } from "@/lib/calls/call-outcome";
import { getCallLog } from "@/lib/calls/get-call-log";
import { formatDateTime } from "@/lib/format";
import { getSalonById } from "@/lib/salons/queries";

export const metadata: Metadata = { title: "Call" };

async function findCall(salonId: string, id: string) {
  try {
    return await getCallLog(salonId, id);
  } catch (err) {
    // Another salon's call, or a mistyped id, reads as not found — never as an error page.
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}

export default async function CallPage({ params }: { params: Promise<{ callId: string }> }) {
  const session = await requireSessionContext();
  const { callId } = await params;
  const [salon, call] = await Promise.all([getSalonById(session.salonId), findCall(session.salonId, callId)]);
  const callerName = callerNameOf(call);
  const outcome = callOutcomeOf(call);
  const hasVoicemail = Boolean(call.recordingSid || call.transcription);

  return (
    <>
      <LiveRefresh topics={["calls"]} id={call.id} />
      <Button asChild variant="ghost" size="sm" className="-ml-2 w-fit">
        <Link href="/calls">
          <ArrowLeftIcon aria-hidden />
          All calls
        </Link>
      </Button>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            Call from {callerName}
            {!call.customer && <Badge variant="secondary">New caller</Badge>}
            <CallOutcomeBadge outcome={outcome} className="text-sm" />
          </span>
        }
        description={formatDateTime(call.startedAt, salon.timeZone, "long")}
        actions={<CallActions callId={call.id} from={call.from} customer={call.customer} callerName={callerName} salonName={salon.name} />}
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid gap-6">
          <CallSummaryCard
            callId={call.id}
            summary={call.summary}
            outcome={outcome}
            followUp={call.followUp === "OPEN" || call.followUp === "HANDLED" ? call.followUp : null}
            changedAt={call.followUpChangedAt}
            changedBy={call.followUpChangedBy}
            assignee={call.assignee}
            viewerId={session.userId}
            timeZone={salon.timeZone}
          />
          {hasVoicemail && (
            <Card>
              <CardHeader>
                <CardTitle>Voicemail</CardTitle>
                <CardDescription>{callerName} left a message.</CardDescription>
              </CardHeader>
              <CardContent>
                <CallVoicemail recording={call.recording} transcription={call.transcription} transcriptionStatus={call.transcriptionStatus} />
              </CardContent>
            </Card>
          )}
          <Card>
            <CardHeader>
              <CardTitle>Notes</CardTitle>
              <CardDescription>What happened next, for whoever picks this up.</CardDescription>
            </CardHeader>
            <CardContent>
              <CallNotesForm callId={call.id} notes={call.notes} version={call.updatedAt.toISOString()} />
            </CardContent>
          </Card>
        </div>
        <div className="grid gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Timeline</CardTitle>
            </CardHeader>
            <CardContent>
              <CallTimeline entries={call.timeline} timeZone={salon.timeZone} outcome={outcome} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent>
              <CallDetails call={call} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
