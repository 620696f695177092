// POST /api/auth/signup — create a salon and its owner account (public, rate limited per IP).
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { getClientIp } from "@/lib/api/client-ip";
import { toErrorResponse } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/parse";
import { enforceSignUpRateLimit } from "@/lib/api/rate-limit";
import { signUpSalon } from "@/lib/auth/sign-up";
import { logger } from "@/lib/logger";
import { signUpSchema } from "@/lib/validations/auth";

export async function POST(req: Request): Promise<Response> {
  const requestId = randomUUID();
  const log = logger.child({ requestId, route: "/api/auth/signup" });
  try {
    await enforceSignUpRateLimit(getClientIp(req.headers));
    const input = await parseJsonBody(req, signUpSchema);
    const { salonId, userId } = await signUpSalon(input);
    log.info({ salonId, userId }, "salon signed up");
    return NextResponse.json({ salonId, userId }, { status: 201, headers: { "X-Request-Id": requestId } });
  } catch (err) {
    const res = toErrorResponse(err, requestId, log);
    res.headers.set("X-Request-Id", requestId);
    return res;
  }
}
