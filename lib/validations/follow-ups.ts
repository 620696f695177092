// Schemas shared by the follow-up queue (calls, voicemails, conversations): the state staff set, the
// assignee, and the list filters `followUp=open|handled` and `assignee=me|<user id>|none`.
import { z } from "zod";
import { resourceIdSchema } from "@/lib/validations/params";

export const followUpStateSchema = z.enum(["OPEN", "HANDLED"]);
export type FollowUpState = z.infer<typeof followUpStateSchema>;

/** A member's user id, or null to leave it to anyone. */
const assigneeIdSchema = resourceIdSchema.nullable();

/** The ?followUp= filter. */
export const followUpFilterSchema = z.enum(["open", "handled"]);

/** The ?followUp= word as the stored value it selects. */
export const FOLLOW_UP_STATE = { open: "OPEN", handled: "HANDLED" } as const;

/** The ?assignee= filter: the signed-in member ("me"), a member's user id, or nobody ("none"). */
export const assigneeFilterSchema = resourceIdSchema;

/** PATCH body on a call or a conversation: the state, the assignee, or both. */
export const followUpChangeFields = {
  followUp: followUpStateSchema.optional(),
  assigneeId: assigneeIdSchema.optional(),
};
export type FollowUpChange = { followUp?: FollowUpState; assigneeId?: string | null };
