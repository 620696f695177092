// Media Twilio keeps for a salon (voicemail recordings, MMS attachments), downloaded with the
// account's credentials so the browser never needs Twilio's URL or a Twilio password. It goes
// through the SDK client's own transport (same credentials, base URL, proxy and connection pool)
// but with the body left as bytes: the SDK's request() decodes bodies as text, which breaks audio.
import { ApiError } from "@/lib/api/errors";
import type { Logger } from "@/lib/logger";
import { TwilioHttpClient, type StreamedResponse } from "@/lib/telephony/http-client";
import { getTwilioClient } from "@/lib/telephony/twilio";

const API_ROOT = "https://api.twilio.com/2010-04-01/Accounts";
// A recording starts playing as soon as its first bytes arrive; a stalled Twilio shouldn't hold the player for 30 s.
const MEDIA_TIMEOUT_MS = 15_000;

export type TwilioMediaRequest = {
  /** The salon's subaccount, or null for the main account. */
  accountSid: string | null;
  /**
   * Under /2010-04-01/Accounts/{AccountSid}, e.g. "/Recordings/RE….mp3"; or a media URL Twilio
   * sent us (MMS), fetched only if it is Twilio's media URL in that same account.
   */
  source: { path: string } | { url: string };
  /** One byte range to pass on (see singleByteRange). */
  range?: string;
  /** "recording" or "attachment": the word the error messages use. */
  what: string;
  log: Logger;
};

/**
 * What a media route passes to its stream function (the recording's, an attachment's). No abort signal:
 * a browser that goes away cancels the response stream, which closes Twilio's download.
 */
export type MediaRequestOptions = { range?: string; download: boolean; log: Logger };

/**
 * The path under the account of a stored MMS media URL, or null unless it is Twilio's media URL in
 * `accountSid`: credentials are only ever sent to Twilio, for the salon's own account.
 */
function twilioMediaPath(url: string, accountSid: string): string | null {
  if (!URL.canParse(url)) return null;
  const { protocol, hostname, pathname } = new URL(url);
  const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})(\/Messages\/(?:MM|SM)[0-9a-f]{32}\/Media\/ME[0-9a-f]{32})$/i.exec(pathname);
  if (protocol !== "https:" || hostname !== "api.twilio.com" || match?.[1] !== accountSid) return null;
  return match[2] ?? null;
}

function unavailable(what: string): ApiError {
  return new ApiError({ code: "twilio_unavailable", status: 502, message: `Twilio didn't send the ${what}. Try again in a minute.` });
}

/** The salon's account client and its transport; Twilio not configured is an outage like any other. */
function mediaClient({ accountSid, what, log }: TwilioMediaRequest) {
  try {
    const client = getTwilioClient(accountSid ? { accountSid } : {});
    if (!(client.httpClient instanceof TwilioHttpClient)) throw new Error("Twilio client without Bolt's transport");
    return { client, http: client.httpClient };
  } catch (err) {
    log.error({ err }, `no Twilio client to fetch a ${what}`);
    throw unavailable(what);
  }
}

/** 200, 206 or 416 with the body unread; Twilio's 404 → 404, anything else → a logged 502. */
export async function openTwilioMedia(input: TwilioMediaRequest): Promise<StreamedResponse> {
  const { source, range, what, log } = input;
  const { client, http } = mediaClient(input);
  const path = "path" in source ? source.path : twilioMediaPath(source.url, client.accountSid);
  if (path === null) {
    // Stored from a signed webhook, so this is odd; but Twilio credentials go to Twilio only.
    log.warn({ url: "url" in source ? source.url : undefined }, `${what} URL is not Twilio media of the salon's account; not fetched`);
    throw new ApiError({ code: `${what}_not_found`, status: 404, message: `This ${what} isn't stored at Twilio.` });
  }

  let res: StreamedResponse;
  try {
    res = await http.requestStream({
      method: "get",
      uri: `${API_ROOT}/${client.accountSid}${path}`,
      username: client.username,
      password: client.password,
      headers: { Accept: "*/*", ...(range ? { Range: range } : {}) },
      // Twilio may answer a media URL with a redirect to its CDN (sent there without our credentials).
      allowRedirects: true,
      timeout: MEDIA_TIMEOUT_MS,
    });
  } catch (err) {
    log.error({ err, path }, `could not reach Twilio for a ${what}`);
    throw unavailable(what);
  }
  if ([200, 206, 416].includes(res.statusCode)) return res;

  const detail = (await new Response(res.body).text()).slice(0, 500);
  if (res.statusCode === 404) {
    log.warn({ path, detail }, `Twilio no longer has this ${what}`);
    throw new ApiError({ code: `${what}_not_found`, status: 404, message: `Twilio no longer has this ${what}.` });
  }
  log.error({ path, twilioStatus: res.statusCode, detail }, `Twilio refused a ${what} download`);
  throw unavailable(what);
}
