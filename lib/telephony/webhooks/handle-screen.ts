// Call screening: the salon's phone picked up a forwarded call. Before the caller is connected, whoever
// answered hears who is calling and presses 1 to take it; a phone's own voicemail box never does, so
// only a person counts as "answered by staff". Twilio's requests here are about the dialled leg: the
// caller's call is ParentCallSid, and the salon is found through it, never through To (a staff phone).
import { db } from "@/lib/db";
import { appendScreen, declineScreenedCall, newVoiceResponse, speakPhoneNumber, type VoiceResponse } from "@/lib/telephony/voice-twiml";
import { callOfAccount } from "@/lib/telephony/webhooks/call-of-account";
import type { ScreenParams } from "@/lib/telephony/params/voice";
import type { WebhookInput } from "@/lib/telephony/webhook-route";

/** The salon is always null here (To is a staff phone): the call is found by ParentCallSid. */
export type ScreenRequest = WebhookInput<ScreenParams> & { now?: Date };

/** The caller's call being forwarded, if it belongs to a salon of the account that sent the request. */
export async function findScreenedCall(params: ScreenParams) {
  return db.callLog.findFirst({
    where: callOfAccount(params.ParentCallSid, params.AccountSid),
    select: {
      id: true,
      salonId: true,
      callSid: true,
      from: true,
      customer: { select: { name: true } },
      salon: { select: { name: true, forwardingPhone: true } },
    },
  });
}

/** What staff hear: "Call for Luxe Hair from Dana Whitfield. Press 1 to take it." Writes nothing. */
export async function handleScreen({ params, log }: ScreenRequest): Promise<VoiceResponse> {
  const call = await findScreenedCall(params);
  if (!call) {
    log.warn({ parentCallSid: params.ParentCallSid }, "screening for a call we don't know; hanging up");
    return declineScreenedCall();
  }
  const caller = call.customer?.name?.trim() || speakPhoneNumber(call.from);
  return appendScreen(newVoiceResponse(), `Call for ${call.salon.name} from ${caller}.`);
}
