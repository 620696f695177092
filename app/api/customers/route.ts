// GET /api/customers — the salon's customers by name, cursor pages; `q` searches a name (or its start, first
// or last name), a phone number in any format, or an email.
// POST — add a customer (phone in any format, stored E.164); 409 `customer_exists` names whose number it is.
import { NextResponse } from "next/server";
import { parseJsonBody, parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { listCustomers } from "@/lib/customers/list-customers";
import { createCustomer } from "@/lib/customers/save-customer";
import { createCustomerSchema, listCustomersQuerySchema } from "@/lib/validations/customers";

export const GET = withSalon(async (req, { salonId }) => {
  const query = parseSearchParams(req, listCustomersQuerySchema);
  return NextResponse.json(await listCustomers(salonId, { ...query, now: new Date() }));
});

export const POST = withSalon(async (req, { salonId }) => {
  const input = await parseJsonBody(req, createCustomerSchema);
  return NextResponse.json({ data: await createCustomer(salonId, input) }, { status: 201 });
});
