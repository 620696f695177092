// GET /api/telephony/call-logs/:id — one call with its summary, follow-up state and timeline;
// PATCH — staff notes (≤ 2000 characters), the follow-up state (OPEN or HANDLED) and/or its assignee (a member, or null; audited).
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { getCallLog } from "@/lib/calls/get-call-log";
import { updateCallLog } from "@/lib/calls/update-call-log";
import { systemClock } from "@/lib/time/clock";
import { updateCallLogSchema } from "@/lib/validations/calls";
import { idParamsSchema } from "@/lib/validations/params";

type Params = { id: string };

export const GET = withSalon<Params>(async (_req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  return NextResponse.json(await getCallLog(salonId, id));
});

export const PATCH = withSalon<Params>(async (req, { salonId, userId, apiKeyId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  const input = await parseJsonBody(req, updateCallLogSchema);
  return NextResponse.json(await updateCallLog(salonId, id, input, { userId, apiKeyId }, systemClock()));
});
