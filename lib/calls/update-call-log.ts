// PATCH /api/telephony/call-logs/:id: staff notes and the follow-up (state, assignee), any of them, then
// the call as GET returns it. Both writes name the salon, so another salon's call is a 404.
import { getCallLog } from "@/lib/calls/get-call-log";
import { updateCallFollowUp, type FollowUpActor } from "@/lib/calls/update-call-follow-up";
import { updateCallNotes } from "@/lib/calls/update-call-notes";
import type { UpdateCallLogInput } from "@/lib/validations/calls";

export async function updateCallLog(salonId: string, id: string, input: UpdateCallLogInput, actor: FollowUpActor, now: Date) {
  if (input.followUp !== undefined || input.assigneeId !== undefined) {
    await updateCallFollowUp(salonId, id, { followUp: input.followUp, assigneeId: input.assigneeId }, actor, now);
  }
  if (input.notes !== undefined) return updateCallNotes(salonId, id, { notes: input.notes });
  return getCallLog(salonId, id);
}
