// GET /api/telephony/inbound-messages/:id/media/:index — a customer's MMS attachment (0-based), relayed
// from Twilio so the browser needs neither Twilio's URL nor its password. ?download=1 saves a file.
import { parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { streamMessageMedia } from "@/lib/conversations/stream-message-media";
import { mediaQuerySchema, messageMediaParamsSchema, singleByteRange } from "@/lib/validations/media";

type Params = { id: string; index: string };

export const GET = withSalon<Params>(async (req, { salonId, params, log }) => {
  const { id, index } = messageMediaParamsSchema.parse(await params);
  const { download } = parseSearchParams(req, mediaQuerySchema);
  return streamMessageMedia(salonId, id, index, {
    range: singleByteRange(req.headers.get("range")),
    download,
    log,
  });
});
