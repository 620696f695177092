// "Call your number now" (onboarding): the simulator's call run hands-free. The caller rings, presses
// 1 (our hours) at each menu and hangs up, through the same signed webhooks as the /simulator page.
import { continueCall, ringSalon } from "@/lib/simulator/call-session";
import type { CallLine, CallStep, SalonLine, WebhookTransport } from "@/lib/simulator/call-types";

export { gatherAction, spokenLines } from "@/lib/simulator/twiml-reader";
export type { WebhookTransport } from "@/lib/simulator/call-types";

/** A fictional number (555-01xx) the simulated caller rings from. */
export const SIMULATOR_CALLER = "+12025550147";

export type HeardLine = { speaker: "bolt" | "caller"; text: string };
export type TestCall = { callSid: string; lines: HeardLine[] };

export type TestCallInput = SalonLine & {
  transport?: WebhookTransport;
  /** Keys the caller presses at each menu, in order; then they hang up. Default: 1 (our hours). */
  keys?: string[];
  /** Seconds the call lasted, for its status callback. */
  durationSeconds?: number;
  /** When the call starts. */
  now?: Date;
};

const heard = (lines: CallLine[]): HeardLine[] =>
  lines.flatMap((l) => (l.speaker === "bolt" || l.speaker === "caller" ? [{ speaker: l.speaker, text: l.text }] : []));

export async function placeTestCall(input: TestCallInput): Promise<TestCall> {
  const { transport, keys = ["1"], durationSeconds = 20, now, ...line } = input;
  const ctx = { line, from: SIMULATOR_CALLER, transport, now: now ? () => now : undefined };
  let step: CallStep = await ringSalon(ctx);
  const lines = heard(step.lines);
  for (const digits of keys) {
    if (step.waiting?.verb !== "gather" || !step.state) break;
    step = await continueCall(ctx, step.state, { kind: "keys", digits });
    lines.push(...heard(step.lines));
  }
  // The caller hangs up; Twilio's status callback tells Bolt the call ended and how long it took.
  if (step.state) await continueCall(ctx, { ...step.state, elapsedSeconds: durationSeconds }, { kind: "hangup" });
  return { callSid: step.callSid, lines };
}
