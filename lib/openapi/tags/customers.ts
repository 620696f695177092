// Customers: the salon's customer book — list and search, add, edit, delete (only without history),
// merge two records of one person, and CSV import and export.
import { z } from "zod";
import { AppointmentStatus, NotificationStatus, SmsConsent } from "@/lib/generated/prisma/enums";
import { ANY_MEMBER, type ApiTag, instant, json, JSON_BODY_ERRORS, pageOf, paginationDescription, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import {
  createCustomerSchema,
  importCustomersQuerySchema,
  listCustomersQuerySchema,
  mergeCustomersSchema,
  updateCustomerSchema,
} from "@/lib/validations/customers";
import { idParamsSchema } from "@/lib/validations/params";
import { LANGUAGES } from "@/lib/i18n/language";

const consent = {
  smsConsent: z.enum(SmsConsent).meta({ description: "OPTED_OUT after STOP (or staff turning texts off); only the customer can opt back in, by texting START." }),
  optedOutAt: instant.nullable(),
};

const customerFields = {
  id: z.string(),
  name: z.string().nullable().meta({ example: "Ava Reed" }),
  phone: z.string().meta({ description: "E.164", example: "+14155550123" }),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  language: z
    .enum(LANGUAGES)
    .nullable()
    .meta({ description: "What Bolt speaks and texts to them in: set when they press 9 on a call, speak or text Spanish, or by staff; null until known (English)." }),
  ...consent,
  isNew: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
};

const customerSchema = z.strictObject(customerFields).meta({ id: "Customer" });

const customerListItemSchema = z
  .strictObject({
    id: z.string(),
    name: z.string().nullable(),
    phone: z.string(),
    email: z.string().nullable(),
    ...consent,
    lastVisitAt: instant.nullable().meta({ description: "The latest appointment before now that was kept or is still on the books." }),
    nextAppointmentAt: instant.nullable(),
  })
  .meta({ id: "CustomerListItem" });

const appointmentEntry = z.strictObject({
  kind: z.literal("appointment"),
  id: z.string(),
  at: instant,
  endsAt: instant,
  status: z.enum(AppointmentStatus),
  service: z.string().nullable(),
  employee: z.string().nullable(),
});

const timelineEntrySchema = z
  .discriminatedUnion("kind", [
    appointmentEntry,
    z.strictObject({
      kind: z.literal("call"),
      id: z.string(),
      at: instant,
      outcome: z.string(),
      durationSeconds: z.number().int().nullable(),
      voicemail: z.strictObject({ seconds: z.number().int().nullable(), transcript: z.string().nullable() }).nullable(),
    }),
    z.strictObject({ kind: z.literal("text_in"), id: z.string(), at: instant, body: z.string(), keyword: z.string().nullable() }),
    z.strictObject({ kind: z.literal("text_out"), id: z.string(), at: instant, body: z.string(), status: z.enum(NotificationStatus), automated: z.boolean() }),
  ])
  .meta({ id: "CustomerTimelineEntry" });

const customerDetailSchema = z
  .strictObject({
    ...customerFields,
    upcoming: z.array(appointmentEntry).meta({ description: "Appointments from now on, soonest first." }),
    timeline: z.array(timelineEntrySchema).meta({ description: "Past appointments, calls and texts both ways, newest first." }),
    stopTextedAt: instant.nullable().meta({ description: "When the customer last texted STOP." }),
  })
  .meta({ id: "CustomerDetail" });

const importRowSchema = z.strictObject({
  line: z.number().int().meta({ description: "The row's line in the file (the header is line 1)." }),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  status: z.enum(["new", "update", "skip", "error"]),
  errors: z.array(z.string()),
  customerId: z.string().optional().meta({ description: "For update and skip: whose number it already is." }),
  e164: z.string().optional(),
});

const importResultSchema = z
  .strictObject({ rows: z.array(importRowSchema), counts: z.strictObject({ new: z.number().int(), update: z.number().int(), skip: z.number().int(), error: z.number().int() }) })
  .meta({ id: "CustomerImport" });

const idPath = { path: idParamsSchema };

export const customersTag: ApiTag = {
  name: "Customers",
  description: "The salon's customer book. A number belongs to one customer per salon; merged records keep finding the customer they were merged into.",
  paths: {
    "/api/customers": {
      get: {
        operationId: "listCustomers",
        summary: "List and search customers",
        description: `By name A→Z (customers without a name last). \`q\`: a name or its start, a phone number in any format, or an email. ${paginationDescription.replace(", newest first", "")}`,
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { query: listCustomersQuerySchema },
        responses: { 200: json("A page of customers", pageOf(customerListItemSchema)), ...salonErrors() },
      },
      post: {
        operationId: "createCustomer",
        summary: "Add a customer",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestBody: { content: { "application/json": { schema: createCustomerSchema, example: { name: "Ava Reed", phone: "(415) 555-0123", email: "ava@example.com" } } } },
        responses: {
          201: json("Added", z.strictObject({ data: customerSchema })),
          ...salonErrors({ ...JSON_BODY_ERRORS, 409: ["customer_exists"] }),
        },
      },
    },
    "/api/customers/{id}": {
      get: {
        operationId: "getCustomer",
        summary: "Get a customer with what's coming up and their timeline",
        description: "A merged record's id answers with the customer it was merged into.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: idPath,
        responses: { 200: json("The customer", z.strictObject({ data: customerDetailSchema })), ...salonErrors({ 404: ["not_found"] }) },
      },
      patch: {
        operationId: "updateCustomer",
        summary: "Edit a customer",
        description: "Only the fields given change. `smsConsent` may only turn texts off.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: idPath,
        requestBody: { content: { "application/json": { schema: updateCustomerSchema, example: { email: "ava.reed@example.com", notes: "Prefers Maria." } } } },
        responses: {
          200: json("The customer", z.strictObject({ data: customerSchema })),
          ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"], 409: ["customer_exists", "opt_in_by_customer_only"] }),
        },
      },
      delete: {
        operationId: "deleteCustomer",
        summary: "Delete a customer who has no history",
        description: "A customer with appointments, calls or texts can't be deleted: merge the records instead.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: idPath,
        responses: { 204: { description: "Deleted" }, ...salonErrors({ 404: ["not_found"], 409: ["customer_has_history"] }) },
      },
    },
    "/api/customers/{id}/merge": {
      post: {
        operationId: "mergeCustomers",
        summary: "Merge another record of the same person into this one",
        description: "Its appointments, calls and texts move here, its number keeps finding this customer, and an opt-out on either stands.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: idPath,
        requestBody: { content: { "application/json": { schema: mergeCustomersSchema, example: { mergeId: "cm4cust0002" } } } },
        responses: {
          200: json(
            "Merged",
            z.strictObject({
              data: z.strictObject({
                keptId: z.string(),
                mergedId: z.string(),
                moved: z.strictObject({ appointments: z.number().int(), calls: z.number().int(), texts: z.number().int(), inbound: z.number().int() }),
              }),
            }),
          ),
          ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"], 422: ["validation_failed", "same_customer"] }),
        },
      },
    },
    "/api/customers/export": {
      get: {
        operationId: "exportCustomers",
        summary: "Export every customer as CSV",
        description: "Streamed; cells a spreadsheet would run as formulas are neutralised.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        responses: {
          200: { description: "The CSV file", content: { "text/csv": { schema: { type: "string" }, example: "name,phone,email\nAva Reed,+14155550123,ava@example.com\n" } } },
          ...salonErrors(),
        },
      },
    },
    "/api/customers/import": {
      post: {
        operationId: "importCustomers",
        summary: "Import customers from CSV (preview, then import)",
        description: "The body is the CSV file (name, phone, email; up to 5 MB). `step=preview` shows what would happen to each row; `step=import` imports every row in one transaction, or nothing while any row is bad.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { query: importCustomersQuerySchema },
        requestBody: { content: { "text/csv": { schema: { type: "string" }, example: "name,phone,email\nAva Reed,(415) 555-0123,ava@example.com\n" } } },
        responses: {
          200: json("The preview", z.strictObject({ data: importResultSchema })),
          201: json("Imported", z.strictObject({ data: importResultSchema })),
          ...salonErrors({ 413: ["payload_too_large"], 422: ["validation_failed", "invalid_csv", "import_has_errors"] }),
        },
      },
    },
  },
};
