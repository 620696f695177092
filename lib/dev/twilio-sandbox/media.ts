// Files the stand-in serves (recordings, MMS attachments) the way Twilio's media URLs do: the
// bytes with their Content-Type, Accept-Ranges, and one byte range on request (206 / 416).
import type { IncomingMessage, ServerResponse } from "node:http";
import { injectedHttpError, notFoundError } from "./errors";
import { newSid } from "./fixtures";
import type { MediaBody, Reply, RouteContext } from "./route-context";

type ByteRange = { start: number; end: number };

/**
 * `bytes=a-b`, `bytes=a-` or `bytes=-n` against a file of `size` bytes: the range, "unsatisfiable",
 * or null to serve the whole file (no header, or several ranges, which a server may ignore).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!match) return null;
  const [, from = "", to = ""] = match;
  if (!from && !to) return null;
  if (!from) {
    const suffix = Number(to);
    return suffix === 0 || size === 0 ? "unsatisfiable" : { start: Math.max(size - suffix, 0), end: size - 1 };
  }
  const start = Number(from);
  const end = to ? Math.min(Number(to), size - 1) : size - 1;
  if (start >= size || (to && Number(to) < start)) return "unsatisfiable";
  return { start, end };
}

export function sendMedia(req: IncomingMessage, res: ServerResponse, media: MediaBody): void {
  const size = media.bytes.byteLength;
  res.setHeader("Twilio-Request-Id", newSid("RQ"));
  res.setHeader("Accept-Ranges", "bytes");
  const range = parseByteRange(req.headers.range, size);
  if (range === "unsatisfiable") {
    res.writeHead(416, { "Content-Range": `bytes */${size}` }).end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const headers: Record<string, string | number> = { "Content-Type": media.contentType, "Content-Length": end - start + 1 };
  if (range) headers["Content-Range"] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range ? 206 : 200, headers).end(Buffer.from(media.bytes.buffer, media.bytes.byteOffset + start, end - start + 1));
}

/** GET /Messages/{MessageSid}/Media/{Sid}: the attachment itself. */
export function fetchMessageMedia(ctx: RouteContext): Reply {
  const injected = ctx.state.takeInjectedFailure("media");
  if (injected) throw injectedHttpError(injected.httpStatus);
  const media = ctx.state.messageMedia.find(
    (m) => m.sid === ctx.params.sid && m.messageSid === ctx.params.messageSid && m.accountSid === ctx.accountSid,
  );
  if (!media) throw notFoundError(ctx.path);
  return { status: 200, media: { bytes: media.bytes, contentType: media.contentType } };
}
