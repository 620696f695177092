// POST /api/customers/[id]/merge — { mergeId }: the other record of the same person merges into this one.
// Its appointments, calls and texts move here, its number keeps finding this customer, an opt-out on either
// stands, and the audit log records it.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { mergeCustomers } from "@/lib/customers/merge-customers";
import { mergeCustomersSchema } from "@/lib/validations/customers";
import { idParamsSchema } from "@/lib/validations/params";

export const POST = withSalon<{ id: string }>(async (req, { salonId, userId, apiKeyId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  const { mergeId } = await parseJsonBody(req, mergeCustomersSchema);
  const result = await mergeCustomers(salonId, id, mergeId, { now: new Date(), actor: { userId, apiKeyId } });
  return NextResponse.json({ data: result });
});
