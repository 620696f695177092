// A picture (or other attachment) a customer texted, relayed from Twilio like a voicemail: scoped to
// the salon, fetched with the account's credentials, and only from Twilio's own media URLs.
import { ApiError, notFound } from "@/lib/api/errors";
import { toMediaResponse } from "@/lib/api/media-response";
import { salonDb } from "@/lib/db";
import { openTwilioMedia, type MediaRequestOptions } from "@/lib/telephony/fetch-twilio-media";

export async function streamMessageMedia(salonId: string, messageId: string, index: number, opts: MediaRequestOptions): Promise<Response> {
  const message = await salonDb(salonId).inboundMessage.findFirst({
    where: { id: messageId, salonId },
    select: { mediaUrls: true, salon: { select: { twilioAccountSid: true } } },
  });
  if (!message) throw notFound("Message");
  const url = message.mediaUrls[index];
  if (!url) throw new ApiError({ code: "attachment_not_found", status: 404, message: "This message has no such attachment." });

  const media = await openTwilioMedia({
    accountSid: message.salon.twilioAccountSid,
    source: { url },
    range: opts.range,
    what: "attachment",
    log: opts.log.child({ messageId, mediaIndex: index }),
  });
  return toMediaResponse(media, { name: `attachment ${index + 1}`, download: opts.download });
}
