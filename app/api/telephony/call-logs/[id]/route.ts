// GET /api/telephony/call-logs/:id — one call with its timeline; PATCH — staff notes (≤ 2000 characters).
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { getCallLog } from "@/lib/calls/get-call-log";
import { updateCallNotes } from "@/lib/calls/update-call-notes";
import { updateCallNotesSchema } from "@/lib/validations/calls";
import { idParamsSchema } from "@/lib/validations/params";

type Params = { id: string };

export const GET = withSalon<Params>(async (_req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  return NextResponse.json(await getCallLog(salonId, id));
});

export const PATCH = withSalon<Params>(async (req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  const input = await parseJsonBody(req, updateCallNotesSchema);
  return NextResponse.json(await updateCallNotes(salonId, id, input));
});
