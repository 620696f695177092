// CSV export of the customer book, streamed a page at a time (a salon of 300,000 customers never sits in
// memory), in the list's order. Spreadsheet-safe: a cell that starts with = + - @ (or a tab or carriage
// return) would run as a formula in Excel or Sheets, so it is written with a leading apostrophe, which they
// show as text; the import drops that apostrophe again. Phones are written the way people write them.
import { stringify } from "csv-stringify/sync";
import { listCustomers, type CustomerListItem } from "@/lib/customers/list-customers";
import { formatPhone } from "@/lib/phone";
import { decodeCustomerCursor } from "@/lib/validations/customers";

const PAGE = 1000;
const HEADER = ["name", "phone", "email", "texts", "last visit", "next appointment"];

/** A cell a spreadsheet won't evaluate. */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

function toRecord(c: CustomerListItem): string[] {
  const texts = c.smsConsent === "OPTED_OUT" ? `opted out${c.optedOutAt ? ` ${day(c.optedOutAt)}` : ""}` : "yes";
  return [c.name ?? "", formatPhone(c.phone), c.email ?? "", texts, day(c.lastVisitAt), day(c.nextAppointmentAt)].map(spreadsheetSafe);
}

export function exportCustomersCsv(salonId: string, now: Date): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | null | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so Excel reads the file as UTF-8 (names with accents).
      controller.enqueue(encoder.encode(`\uFEFF${stringify([HEADER])}`));
    },
    async pull(controller) {
      const page = await listCustomers(salonId, { limit: PAGE, cursor: cursor ? (decodeCustomerCursor(cursor) ?? undefined) : undefined, now });
      if (page.data.length > 0) controller.enqueue(encoder.encode(stringify(page.data.map(toRecord))));
      cursor = page.nextCursor;
      if (!cursor) controller.close();
    },
  });
}
