// GET /api/telephony/call-logs/:id/recording — the call's voicemail audio, relayed from Twilio so the
// browser needs neither Twilio's URL nor its password. Range requests seek; ?download=1 saves a file.
import { parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { streamCallRecording } from "@/lib/calls/stream-call-recording";
import { mediaQuerySchema, singleByteRange } from "@/lib/validations/media";
import { idParamsSchema } from "@/lib/validations/params";

type Params = { id: string };

export const GET = withSalon<Params>(async (req, { salonId, params, log }) => {
  const { id } = idParamsSchema.parse(await params);
  const { download } = parseSearchParams(req, mediaQuerySchema);
  return streamCallRecording(salonId, id, {
    range: singleByteRange(req.headers.get("range")),
    download,
    log,
  });
});
