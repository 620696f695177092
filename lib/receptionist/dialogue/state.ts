// What a dialogue has settled so far, stored as versioned JSON on receptionist_dialogues.state. Each
// webhook reads it, takes one step, and writes the next state by compare-and-set; `last` keeps the
// answer to the latest turn, so the same turn delivered again (a Twilio retry, a re-run text) gets the
// same answer instead of acting twice. Parsed with zod on read: a row from an older shape reads as idle.
import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/language";

export const STATE_VERSION = 1;

const slotSchema = z.object({ startsAt: z.string(), employeeId: z.string(), stylist: z.string() });
export type OfferedSlot = z.infer<typeof slotSchema>;

const whenSchema = z.object({
  text: z.string(),
  start: z.string(),
  end: z.string(),
  precision: z.enum(["day", "part-of-day", "time"]),
});
export type StoredWhen = z.infer<typeof whenSchema>;

/** What the customer wants booked, as far as it is known. `employeeId: null` is "anyone". */
const draftSchema = z.object({
  serviceId: z.string().optional(),
  employeeId: z.string().nullable().optional(),
  when: whenSchema.optional(),
});
export type Draft = z.infer<typeof draftSchema>;

/** An appointment being moved or cancelled, with the words that name it ("Haircut with Maria on Thu Dec 10 at 4:00 PM"). */
const targetSchema = z.object({ appointmentId: z.string(), serviceId: z.string().nullable(), employeeId: z.string().nullable() });
export type Target = z.infer<typeof targetSchema>;

const stepSchema = z.discriminatedUnion("step", [
  z.object({ step: z.literal("idle") }),
  z.object({ step: z.literal("ask-service"), draft: draftSchema }),
  z.object({ step: z.literal("ask-when"), draft: draftSchema }),
  /** Up to three slots; with `moving`, picking one moves that appointment; with `waitlist`, the last number joins it. */
  z.object({
    step: z.literal("offer"),
    draft: draftSchema,
    slots: z.array(slotSchema),
    moving: targetSchema.optional(),
    waitlist: z.boolean().optional(),
  }),
  z.object({ step: z.literal("choose-appointment"), action: z.enum(["move", "cancel"]), appointmentIds: z.array(z.string()), draft: draftSchema }),
  z.object({ step: z.literal("confirm-cancel"), target: targetSchema }),
  z.object({ step: z.literal("confirm-move"), target: targetSchema, slot: slotSchema }),
]);
export type Step = z.infer<typeof stepSchema>;

const answerSchema = z.object({
  say: z.string(),
  expectsReply: z.boolean(),
  outcome: z.string(),
  events: z.array(z.object({ kind: z.string(), detail: z.record(z.string(), z.unknown()) })),
});

export const dialogueStateSchema = z.object({
  v: z.literal(STATE_VERSION),
  language: z.enum(LANGUAGES),
  /** Bumped with every new offer: the booking's idempotency key is the dialogue and this number. */
  offer: z.number().int().nonnegative(),
  at: stepSchema,
  last: z.object({ turnKey: z.string(), answer: answerSchema }).optional(),
});
export type DialogueState = z.infer<typeof dialogueStateSchema>;

export function parseDialogueState(value: unknown): DialogueState | null {
  const parsed = dialogueStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
