// A salon's live updates as Server-Sent Events: the events of that salon only (the listener files
// subscribers by salon), a retry hint, a comment every ~25 s so proxies keep the connection, and an
// end when the browser goes, the caller's session or key stops being valid, or the server shuts down.
import { ApiError } from "@/lib/api/errors";
import { LiveCapacityError, type LiveListener } from "@/lib/live/live-listener";
import type { LiveEvent } from "@/lib/live/live-event";

export const LIVE_HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting (EventSource's `retry:`). */
export const LIVE_RETRY_MS = 2_000;
/** Events queued for a reader that doesn't keep up before its stream is ended (it reconnects and re-reads). */
const MAX_QUEUED = 200;

export type LiveStreamOptions = {
  salonId: string;
  listener: LiveListener;
  /** The request's signal: aborted when the browser disconnects. */
  signal: AbortSignal;
  /** Re-checked with each heartbeat: false ends the stream (signed out, session revoked, key deleted). */
  stillAllowed: () => Promise<boolean>;
  heartbeatMs?: number;
};

const encoder = new TextEncoder();

export function openLiveStream(opts: LiveStreamOptions): Response {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let closed = false;
  const send = (text: string) => {
    if (closed || !controller) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED) return end();
    controller.enqueue(encoder.encode(text));
  };
  let unsubscribe: () => void;
  try {
    unsubscribe = opts.listener.subscribe(opts.salonId, {
      onEvent: (event: LiveEvent) => send(`data: ${JSON.stringify(event)}\n\n`),
      onClose: () => end(),
    });
  } catch (err) {
    throw err instanceof LiveCapacityError ? liveBusy() : err;
  }
  const heartbeat = setInterval(() => {
    send(": ping\n\n");
    opts.stillAllowed().then(
      (allowed) => allowed || end(),
      () => {}, // a database hiccup: keep the stream, ask again next time
    );
  }, opts.heartbeatMs ?? LIVE_HEARTBEAT_MS);

  function end() {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    opts.signal.removeEventListener("abort", end);
    try {
      controller?.close();
    } catch {
      // Already cancelled by the reader: nothing left to close.
    }
  }

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        send(`retry: ${LIVE_RETRY_MS}\n: live\n\n`);
      },
      cancel: end,
    },
    { highWaterMark: 1 },
  );
  opts.signal.addEventListener("abort", end);
  if (opts.signal.aborted) end();
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: Next's gzip would otherwise hold events back until a buffer fills.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

function liveBusy(): ApiError {
  return new ApiError({
    code: "live_unavailable",
    status: 503,
    message: "Too many live connections right now; try again shortly.",
    headers: { "Retry-After": "30" },
  });
}
