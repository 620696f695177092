// POST /api/bench/twiml — constant TwiML, the baseline bench/webhooks.ts compares the voice webhook to.
// Exists only when BOLT_BENCH_ROUTES=true; otherwise it is a plain 404.
import { env } from "@/lib/env";

const TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Thanks for calling.</Say></Response>';

export async function POST(req: Request): Promise<Response> {
  if (!env.BOLT_BENCH_ROUTES) return new Response("Not Found", { status: 404 });
  await req.text();
  return new Response(TWIML, { headers: { "content-type": "text/xml; charset=utf-8" } });
}
