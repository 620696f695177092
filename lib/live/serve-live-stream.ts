// GET /api/live's work: for an EventSource, the caller's salon (from the route wrapper, never from the
// request) streamed from this process's listener, re-checking the caller with every heartbeat so a
// revoked session or a deleted key ends its stream within ~25 s.
import { ApiError } from "@/lib/api/errors";
import { identifyCaller } from "@/lib/api/resolve-credentials";
import { liveListener } from "@/lib/live/live-listener";
import { openLiveStream } from "@/lib/live/live-stream";
import { systemClock } from "@/lib/time/clock";

export function serveLiveStream(
  req: Request,
  salonId: string,
  opts: { heartbeatMs?: number } = {},
): Response {
  // Only an EventSource (which always asks for text/event-stream) gets a stream: anything else — a
  // script, a crawler, a header check — would wait on a body that never ends.
  if (!/\btext\/event-stream\b/i.test(req.headers.get("accept") ?? "")) {
    throw new ApiError({
      code: "not_acceptable",
      status: 406,
      message: "This endpoint streams events: send Accept: text/event-stream.",
    });
  }
  return openLiveStream({
    salonId,
    listener: liveListener(),
    signal: req.signal,
    heartbeatMs: opts.heartbeatMs,
    stillAllowed: async () => {
      const { caller } = await identifyCaller(req, { rateLimit: false, now: systemClock() });
      return caller?.salonId === salonId;
    },
  });
}
