// POST /api/customers/import?step=preview|import&existing=skip|update — a CSV file (name, phone, email; up
// to 5 MB) as the body. preview: every row with what would happen to it or why it can't be imported.
// import: all rows in one transaction, or nothing (422 `import_has_errors` while any row is bad).
import { NextResponse } from "next/server";
import { BODY_LIMITS, readTextWithLimit } from "@/lib/api/body-limits";
import { parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { importCustomers, previewCustomerImport } from "@/lib/customers/import-customers";
import { importCustomersQuerySchema } from "@/lib/validations/customers";

export const POST = withSalon(async (req, { salonId }) => {
  const { step, existing } = parseSearchParams(req, importCustomersQuerySchema);
  const text = await readTextWithLimit(req, BODY_LIMITS.csvImport);
  const result = step === "import" ? await importCustomers(salonId, text, existing) : await previewCustomerImport(salonId, text, existing);
  return NextResponse.json({ data: result }, { status: step === "import" ? 201 : 200 });
});

