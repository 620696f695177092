// POST /api/bench/twiml — constant TwiML, the baseline bench/webhooks.ts compares the voice webhook to.
// Exists only when BOLT_BENCH_ROUTES=true; otherwise it is a plain 404.
import { BODY_LIMITS, readTextWithLimit } from "@/lib/api/body-limits";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

const TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Thanks for calling.</Say></Response>';

export async function POST(req: Request): Promise<Response> {
  if (!env.BOLT_BENCH_ROUTES) return new Response("Not Found", { status: 404 });
  // Read the way the real webhook reads (capped), so the baseline costs what it should and can't be
  // made to buffer an endless body.
  try {
    await readTextWithLimit(req, BODY_LIMITS.twilioWebhook);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return Response.json({ code: err.code, message: err.message }, { status: err.status });
  }
  return new Response(TWIML, { headers: { "content-type": "text/xml; charset=utf-8" } });
}
