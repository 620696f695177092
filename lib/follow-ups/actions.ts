"use server";
// The follow-up controls on the call page, the Messages thread and the dashboard's "needs attention"
// card: mark handled, reopen, assign (to me, to a member, to nobody). One action for calls (voicemails
// included) and conversations, through the same verbs the API uses.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { updateCallFollowUp } from "@/lib/calls/update-call-follow-up";
import { updateConversationFollowUp } from "@/lib/conversations/update-conversation-follow-up";
import { systemClock } from "@/lib/time/clock";
import { followUpStateSchema } from "@/lib/validations/follow-ups";
import { resourceIdSchema } from "@/lib/validations/params";

const followUpFormSchema = z.object({
  target: z.enum(["call", "conversation"]),
  id: resourceIdSchema,
  followUp: followUpStateSchema.optional(),
  /** "me", "none" (nobody) or a member's user id. */
  assignee: resourceIdSchema.optional(),
});

const MESSAGES = { HANDLED: "Marked handled.", OPEN: "Reopened: it needs follow-up again." } as const;

export const updateFollowUpAction = salonAction(followUpFormSchema, async ({ target, id, followUp, assignee }, ctx) => {
  const assigneeId = assignee === undefined ? undefined : assignee === "none" ? null : assignee === "me" ? ctx.userId : assignee;
  const change = { followUp, assigneeId };
  if (target === "call") {
    await updateCallFollowUp(ctx.salonId, id, change, { userId: ctx.userId }, systemClock());
    revalidatePath(`/calls/${id}`);
    revalidatePath("/calls");
  } else {
    await updateConversationFollowUp(ctx.salonId, id, change, { userId: ctx.userId }, systemClock());
    revalidatePath("/messages", "layout");
  }
  revalidatePath("/");
  const message = followUp ? MESSAGES[followUp] : assigneeId === ctx.userId ? "Assigned to you." : assigneeId ? "Assigned." : "Unassigned.";
  return { ok: true, message };
});
