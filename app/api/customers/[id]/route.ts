// GET /api/customers/[id] — one customer with what's coming up and their timeline (appointments, calls,
// voicemails, texts both ways); a merged record's id answers with the customer it was merged into.
// PATCH — edit name, phone, email, notes; smsConsent may only turn texts off (409 `opt_in_by_customer_only`).
// DELETE — only a customer with no history (409 `customer_has_history` otherwise: merge them instead).
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { getCustomerDetail, resolveCustomerId } from "@/lib/customers/get-customer";
import { deleteCustomer, updateCustomer } from "@/lib/customers/save-customer";
import { updateCustomerSchema } from "@/lib/validations/customers";
import { idParamsSchema } from "@/lib/validations/params";

export const GET = withSalon<{ id: string }>(async (_req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  const now = new Date();
  return NextResponse.json({ data: await getCustomerDetail(salonId, await resolveCustomerId(salonId, id), now) });
});

export const PATCH = withSalon<{ id: string }>(async (req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  const input = await parseJsonBody(req, updateCustomerSchema);
  return NextResponse.json({ data: await updateCustomer(salonId, id, input, new Date()) });
});

export const DELETE = withSalon<{ id: string }>(async (_req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  await deleteCustomer(salonId, id);
  return new NextResponse(null, { status: 204 });
});
