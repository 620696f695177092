// CSV import of customers (name, phone, email; up to 5 MB). The same reading serves both steps: the
// preview lists every row with what would happen to it (new, update, skip) or why it can't be imported
// (bad phone, missing name, the same number earlier in the file); the import runs only on a file with no
// bad rows and writes every row in one transaction, so nothing is ever half-imported. Rows whose number is
// already a customer are updated or skipped, as the owner chose.
import { parse } from "csv-parse/sync";
import { ApiError } from "@/lib/api/errors";
import { isSafeText } from "@/lib/api/text-input";
import { withSalonTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createCustomerSchema } from "@/lib/validations/customers";

type Tx = Prisma.TransactionClient;

export type ImportRowStatus = "new" | "update" | "skip" | "error";
export type ImportRow = {
  /** The row's line in the file (the header is line 1). */
  line: number;
  name: string;
  phone: string;
  email: string;
  status: ImportRowStatus;
  errors: string[];
  /** For update and skip: the customer this number already belongs to. */
  customerId?: string;
  e164?: string;
};
export type ImportPreview = { rows: ImportRow[]; counts: Record<ImportRowStatus, number> };
export type ExistingChoice = "update" | "skip";

const HEADERS: Record<"name" | "first" | "last" | "phone" | "email", string[]> = {
  name: ["name", "full name", "customer", "customer name", "client", "client name"],
  first: ["first name", "firstname", "first", "given name"],
  last: ["last name", "lastname", "last", "surname", "family name"],
  phone: ["phone", "phone number", "mobile", "mobile phone", "mobile number", "cell", "cell phone", "telephone"],
  email: ["email", "e-mail", "email address", "e-mail address"],
};

const badFile = (message: string) => new ApiError({ code: "invalid_csv", status: 422, message });

/** The file's records as [line, fields] with the columns found in its header row. */
function readCsv(text: string) {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: false });
  } catch (err) {
    throw badFile(`This file can't be read as CSV: ${err instanceof Error ? err.message.split("\n")[0] : "unknown error"}.`);
  }
  const [header, ...rows] = records;
  if (!header) throw badFile("The file is empty.");
  const norm = header.map((h) => h.toLowerCase().replace(/[_\s]+/g, " ").trim());
  const col = (kind: keyof typeof HEADERS) => norm.findIndex((h) => HEADERS[kind].includes(h));
  const columns = { name: col("name"), first: col("first"), last: col("last"), phone: col("phone"), email: col("email") };
  if (columns.phone < 0) throw badFile('The first row must name the columns, with at least "phone" (and "name", "email").');
  if (columns.name < 0 && columns.first < 0) throw badFile('The first row must name a "name" column (or "first name" and "last name").');
  return { rows, columns };
}

/** A cell as exported by spreadsheets: a leading apostrophe (how exports keep "+1…" from being a formula) is dropped. */
const cell = (row: string[], index: number) => (index < 0 ? "" : (row[index] ?? "").replace(/^'/, "").trim());

function readRows(text: string): ImportRow[] {
  const { rows, columns } = readCsv(text);
  const seen = new Map<string, number>();
  // Physical lines aren't tracked through quoted newlines; records are numbered as the spreadsheet shows them.
  return rows.map((row, i): ImportRow => {
    const line = i + 2;
    const name = columns.name >= 0 ? cell(row, columns.name) : [cell(row, columns.first), cell(row, columns.last)].filter(Boolean).join(" ");
    const phone = cell(row, columns.phone);
    const email = cell(row, columns.email);
    const base = { line, name, phone, email };
    if (![name, phone, email].every(isSafeText)) return { ...base, status: "error", errors: ["This row holds characters that can't be stored."] };
    const parsed = createCustomerSchema.safeParse({ name, phone, email });
    if (!parsed.success) return { ...base, status: "error", errors: parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "row")}: ${issue.message}`) };
    const e164 = parsed.data.phone;
    const first = seen.get(e164);
    if (first !== undefined) return { ...base, e164, status: "error", errors: [`Same phone number as line ${first}.`] };
    seen.set(e164, line);
    return { ...base, email: parsed.data.email ?? "", e164, status: "new", errors: [] };
  });
}

/** Marks rows whose number is already a customer (a merged record's number counts as its customer's). */
async function classify(tx: Tx, salonId: string, rows: ImportRow[], existing: ExistingChoice): Promise<void> {
  const phones = rows.flatMap((r) => (r.status === "new" && r.e164 ? [r.e164] : []));
  if (phones.length === 0) return;
  const found = await tx.$queryRaw<Array<{ phone: string; id: string }>>`
    SELECT "phone", COALESCE("mergedIntoId", "id") AS "id" FROM "customers"
    WHERE "salonId" = ${salonId} AND "phone" = ANY(${phones}::text[])`;
  const byPhone = new Map(found.map((f) => [f.phone, f.id]));
  for (const row of rows) {
    const id = row.e164 && byPhone.get(row.e164);
    if (row.status === "new" && id) Object.assign(row, { status: existing, customerId: id });
  }
}

function countOf(rows: ImportRow[]): Record<ImportRowStatus, number> {
  const counts = { new: 0, update: 0, skip: 0, error: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

export async function previewCustomerImport(salonId: string, text: string, existing: ExistingChoice): Promise<ImportPreview> {
  const rows = readRows(text);
  await withSalonTransaction(salonId, (tx) => classify(tx, salonId, rows, existing));
  return { rows, counts: countOf(rows) };
}

/**
 * Imports the whole file or nothing: a file with any bad row is refused (422 `import_has_errors`, with
 * the preview), and the rows are written in one transaction — numbers added by someone else since the
 * preview are read again inside it, so they are updated or skipped like the rest, never a failure halfway.
 */
export async function importCustomers(salonId: string, text: string, existing: ExistingChoice): Promise<ImportPreview> {
  const rows = readRows(text);
  if (rows.some((r) => r.status === "error")) {
    await withSalonTransaction(salonId, (tx) => classify(tx, salonId, rows, existing));
    throw new ApiError({
      code: "import_has_errors",
      status: 422,
      message: "Some rows can't be imported; fix them in the file and upload it again. Nothing was imported.",
      details: { rows: rows.filter((r) => r.status === "error"), counts: countOf(rows) },
    });
  }
  if (rows.length === 0) throw badFile("The file has no customers below its header row.");
  await withSalonTransaction(salonId, async (tx) => {
    // Two imports of overlapping files queue here instead of racing to the same numbers.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('customer-import'), hashtext(${salonId}))`;
    await classify(tx, salonId, rows, existing);
    const added = rows.filter((r) => r.status === "new");
    const updated = rows.filter((r) => r.status === "update");
    if (added.length > 0) {
      await tx.$executeRaw`
        INSERT INTO "customers" ("id", "salonId", "name", "phone", "email", "createdAt", "updatedAt")
        SELECT 'c' || replace(gen_random_uuid()::text, '-', ''), ${salonId}, v."name", v."phone", NULLIF(v."email", ''), (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
        FROM unnest(${added.map((r) => r.name)}::text[], ${added.map((r) => r.e164!)}::text[], ${added.map((r) => r.email)}::text[]) AS v("name", "phone", "email")`;
    }
    if (updated.length > 0) {
      // The file's name, and its email where it has one; notes, consent and history stay as they are.
      await tx.$executeRaw`
        UPDATE "customers" c SET "name" = v."name", "email" = COALESCE(NULLIF(v."email", ''), c."email"), "isNew" = false, "updatedAt" = (now() AT TIME ZONE 'UTC')
        FROM unnest(${updated.map((r) => r.customerId!)}::text[], ${updated.map((r) => r.name)}::text[], ${updated.map((r) => r.email)}::text[]) AS v("id", "name", "email")
        WHERE c."salonId" = ${salonId} AND c."id" = v."id"`;
    }
  });
  return { rows, counts: countOf(rows) };
}
