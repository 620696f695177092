// GET /api/customers/export — every customer as CSV (name, phone, email, texts, last visit, next
// appointment), streamed; cells a spreadsheet would run as formulas are neutralised.
import { withSalon } from "@/lib/api/with-salon";
import { exportCustomersCsv } from "@/lib/customers/export-customers";

export const GET = withSalon(async (_req, { salonId }) => {
  const now = new Date();
  return new Response(exportCustomersCsv(salonId, now), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="customers-${now.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
