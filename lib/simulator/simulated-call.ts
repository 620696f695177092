// The /simulator page's calls: a member plays a caller ringing their own salon's number. Each step is
// checked against the salon: the line is its own (sandbox only), and a call is continued only if Bolt
// logged it under this salon, with the caller Bolt logged (never a number the page sends again).
import { ApiError, notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { continueCall, ringSalon } from "@/lib/simulator/call-session";
import type { CallerAction, CallState, CallStep, WebhookTransport } from "@/lib/simulator/call-types";
import { salonLine } from "@/lib/simulator/salon-line";

export type SimulatorOptions = { transport?: WebhookTransport; now?: () => Date };

export async function startSimulatedCall(salonId: string, from: string, opts: SimulatorOptions = {}): Promise<CallStep> {
  const line = await salonLine(salonId);
  if (from === line.to) throw new ApiError({ code: "same_number", status: 422, message: "Call from another phone: this is the salon's own number." });
  return ringSalon({ line, from, ...opts });
}

export async function continueSimulatedCall(
  salonId: string,
  state: CallState,
  action: CallerAction,
  opts: SimulatorOptions = {},
): Promise<CallStep> {
  const line = await salonLine(salonId);
  const call = await salonDb(salonId).callLog.findFirst({ where: { salonId, callSid: state.callSid }, select: { from: true } });
  if (!call) throw notFound("Call");
  return continueCall({ line, from: call.from, ...opts }, state, action);
}
