// A file relayed from a provider (Twilio media), as the browser should get it: the provider's
// type, length and range headers; private caching; a download name; never rendered as a page.
import type { StreamedResponse } from "@/lib/telephony/http-client";

// The headers a seeking <audio> element needs, passed on as the provider sent them.
const PASSED_ON = ["content-type", "content-length", "content-range", "accept-ranges", "last-modified", "etag"];

const EXTENSIONS: Record<string, string> = {
  "audio/mpeg": "mp3",
  "audio/x-wav": "wav",
  "audio/wav": "wav",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "video/mp4": "mp4",
  "application/pdf": "pdf",
};

// What a browser may show inline; anything else (HTML, SVG, …) is only ever a download.
const INLINE = /^(audio|video)\/[\w.+-]+$|^image\/(jpeg|png|gif|webp|heic|heif)$/;

// Only this browser may keep a file (it is a customer's voice or picture), and it never changes.
const CACHE_CONTROL = "private, max-age=3600";

type MediaResponseOptions = {
  /** File name without extension; the extension follows the content type. */
  name: string;
  download: boolean;
};

function mediaTypeOf(headers: StreamedResponse["headers"]): string {
  const value = headers["content-type"];
  return (Array.isArray(value) ? value[0] : value)?.split(";")[0]?.trim().toLowerCase() ?? "application/octet-stream";
}

/** "Ava Martínez 9:30" → "ava-martinez-9-30": safe in any header and file system. */
function slugForFileName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function toMediaResponse(media: StreamedResponse, opts: MediaResponseOptions): Response {
  const headers = new Headers();
  for (const name of PASSED_ON) {
    const value = media.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const type = mediaTypeOf(media.headers);
  const extension = EXTENSIONS[type];
  const fileName = `${slugForFileName(opts.name) || "file"}${extension ? `.${extension}` : ""}`;
  const inline = !opts.download && INLINE.test(type);
  headers.set("Content-Disposition", `${inline ? "inline" : "attachment"}; filename="${fileName}"`);
  headers.set("Cache-Control", CACHE_CONTROL);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
  if (media.statusCode === 416) {
    void media.body.cancel();
    return new Response(null, { status: 416, headers });
  }
  return new Response(media.body, { status: media.statusCode, headers });
}
