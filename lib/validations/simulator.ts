// The phone simulator's inputs (its server actions take forms; a call's state and the caller's action
// travel as JSON fields). Bounded: the state is Bolt's own last TwiML, a few KB.
import { z } from "zod";
import { e164PhoneSchema } from "@/lib/validations/phone";

/** A JSON-encoded form field, parsed and then checked with `schema`. */
const jsonField = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .max(200_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Not JSON." });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const callStateSchema = z.object({
  callSid: z.string().regex(/^CA[0-9a-f]{32}$/),
  startedAt: z.iso.datetime(),
  elapsedSeconds: z.number().min(0).max(86_400),
  twiml: z.string().max(100_000),
  at: z.number().int().min(0).max(1_000),
});

export const callerActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("say"), text: z.string().trim().min(1, "Type what the caller says.").max(500) }),
  z.object({ kind: z.literal("keys"), digits: z.string().regex(/^[0-9*#]{1,20}$/, "Keys are 0–9, * and #.") }),
  z.object({ kind: z.literal("silence") }),
  z.object({ kind: z.literal("forward"), answer: z.enum(["take", "decline", "no-answer", "busy"]) }),
  z.object({ kind: z.literal("voicemail"), text: z.string().trim().max(2_000) }),
  z.object({ kind: z.literal("hangup") }),
]);

export const startSimulatedCallSchema = z.object({ from: e164PhoneSchema });
export const continueSimulatedCallSchema = z.object({ state: jsonField(callStateSchema), action: jsonField(callerActionSchema) });
export const simulatorTextSchema = z.object({ from: e164PhoneSchema, body: z.string().trim().min(1, "Type a text.").max(1_600) });
export const simulatorThreadSchema = z.object({ phone: e164PhoneSchema });
export const simulatorCallersSchema = z.object({ q: z.string().trim().max(100).default("") });
