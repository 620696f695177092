// A call's voicemail recording, relayed from Twilio for the salon's staff: the browser asks Bolt
// (session or API key), Bolt asks Twilio with the account's credentials. Another salon's call is a 404.
import { format } from "date-fns";
import { ApiError, notFound } from "@/lib/api/errors";
import { toMediaResponse } from "@/lib/api/media-response";
import { salonDb } from "@/lib/db";
import { openTwilioMedia, type MediaRequestOptions } from "@/lib/telephony/fetch-twilio-media";
import { inZone } from "@/lib/time/zoned";

export async function streamCallRecording(salonId: string, callId: string, opts: MediaRequestOptions): Promise<Response> {
  const call = await salonDb(salonId).callLog.findFirst({
    where: { id: callId, salonId },
    select: {
      recordingSid: true,
      from: true,
      startedAt: true,
      customer: { select: { name: true } },
      salon: { select: { twilioAccountSid: true, timeZone: true } },
    },
  });
  if (!call) throw notFound("Call");
  if (!call.recordingSid) throw new ApiError({ code: "recording_not_found", status: 404, message: "This call has no recording." });

  const media = await openTwilioMedia({
    accountSid: call.salon.twilioAccountSid,
    // MP3: a tenth the size of Twilio's default WAV, and every browser plays it.
    source: { path: `/Recordings/${call.recordingSid}.mp3` },
    range: opts.range,
    what: "recording",
    log: opts.log.child({ callId, recordingSid: call.recordingSid }),
  });
  const when = format(inZone(call.startedAt, call.salon.timeZone), "yyyy-MM-dd HHmm");
  return toMediaResponse(media, { name: `voicemail ${call.customer?.name ?? call.from} ${when}`, download: opts.download });
}
