// Recordings/{Sid}.json (the Recording resource) and its media: no extension or .wav → WAV,
// .mp3 → MP3, as on Twilio. Media needs the account's Basic credentials, as Twilio's does with
// "Enforce HTTP Auth on Media URLs" on; a parent may read its subaccounts' recordings.
import { injectedHttpError, notFoundError } from "./errors";
import { API_VERSION, rfc2822 } from "./fixtures";
import { CONTENT_TYPES, recordingAudio } from "./recording-audio";
import type { Reply, RouteContext } from "./route-context";
import type { StandInRecording } from "./state";

function serializeRecording(r: StandInRecording) {
  const base = `/${API_VERSION}/Accounts/${r.accountSid}/Recordings/${r.sid}`;
  return {
    account_sid: r.accountSid,
    api_version: API_VERSION,
    call_sid: r.callSid,
    conference_sid: null,
    channels: 1,
    date_created: rfc2822(r.dateCreated),
    date_updated: rfc2822(r.dateCreated),
    start_time: rfc2822(new Date(r.dateCreated.getTime() - r.durationSeconds * 1000)),
    price: "-0.00250",
    price_unit: "USD",
    duration: String(r.durationSeconds),
    sid: r.sid,
    source: "RecordVerb",
    status: "completed",
    error_code: null,
    encryption_details: null,
    uri: `${base}.json`,
    subresource_uris: {
      add_on_results: `${base}/AddOnResults.json`,
      transcriptions: `${base}/Transcriptions.json`,
    },
    media_url: `https://api.twilio.com${base}`,
  };
}

async function findRecording(ctx: RouteContext): Promise<StandInRecording> {
  const recording = await ctx.state.findRecording(ctx.params.sid ?? "", ctx.accountSid);
  if (!recording) throw notFoundError(ctx.path);
  return recording;
}

export async function fetchRecording(ctx: RouteContext): Promise<Reply> {
  return { status: 200, body: serializeRecording(await findRecording(ctx)) };
}

export async function fetchRecordingMedia(ctx: RouteContext): Promise<Reply> {
  const injected = ctx.state.takeInjectedFailure("media");
  if (injected) throw injectedHttpError(injected.httpStatus);
  const recording = await findRecording(ctx);
  const format = ctx.params.ext === ".mp3" ? "mp3" : "wav";
  const bytes = await recordingAudio(recording.sid, recording.durationSeconds, format);
  return { status: 200, media: { bytes, contentType: CONTENT_TYPES[format] } };
}
