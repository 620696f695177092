// Salon: the caller's salon profile (GET any member, PATCH owners), and its closures and holiday hours.
import { z } from "zod";
import { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { ANY_MEMBER, type ApiTag, instant, json, JSON_BODY_ERRORS, OWNERS_ONLY, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { idParamsSchema } from "@/lib/validations/params";
import { updateSalonProfileSchema } from "@/lib/validations/salon";
import { saveSpecialDaySchema } from "@/lib/validations/special-days";

const period = z.object({ open: z.string().meta({ example: "09:00" }), close: z.string().meta({ example: "19:00" }) });

const salonSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    timeZone: z.string().meta({ description: "IANA zone; dates in filters are days in this zone.", example: "America/New_York" }),
    addressLine1: z.string().nullable(),
    addressLine2: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string().meta({ example: "US" }),
    directions: z.string().nullable().meta({ description: "Directions or parking, said after the address.", example: "Free parking behind the building." }),
    phone: z.string().nullable().meta({ description: "E.164" }),
    forwardingPhone: z.string().nullable().meta({ description: "Where calls are transferred, E.164." }),
    businessHours: z.record(z.string(), z.array(period)).meta({ description: "Opening periods per day (`mon`…`sun`); an empty day is closed." }),
    greeting: z.string().nullable(),
    autoReply: z.string().nullable(),
    greetingEs: z.string().nullable().meta({ description: "The greeting Spanish-speaking callers hear; null: Bolt's Spanish default." }),
    autoReplyEs: z.string().nullable().meta({ description: "The auto-reply Spanish-speaking customers get; null: Bolt's Spanish default." }),
    bookingInstructions: z.string().nullable(),
    reminderOffsetsMinutes: z.array(z.number().int()).meta({ example: [1440, 120] }),
    autoConfirm: z.boolean(),
    quietHoursStart: z.string().meta({ example: "21:00" }),
    quietHoursEnd: z.string().meta({ example: "08:00" }),
    monthlySmsQuota: z.number().int(),
    twilioNumber: z.string().nullable().meta({ description: "The salon's Bolt number, E.164." }),
    subscriptionStatus: z.enum(SubscriptionStatus),
    currentPeriodEnd: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Salon" });

const data = z.strictObject({ data: salonSchema });

const specialDaySchema = z
  .strictObject({
    id: z.string(),
    date: z.iso.date().meta({ description: "The salon's local date.", example: "2026-12-24" }),
    periods: z.array(period).meta({ description: "Opening periods that day; empty: closed all day." }),
    label: z.string().nullable().meta({ example: "Christmas Eve" }),
  })
  .meta({ id: "SpecialDay" });

export const salonTag: ApiTag = {
  name: "Salon",
  description: "The salon the key or session belongs to. Provider ids (Stripe, Twilio SIDs) never appear.",
  paths: {
    "/api/salon": {
      get: {
        operationId: "getSalon",
        summary: "Get the salon's profile",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        responses: { 200: json("The profile", data), ...salonErrors() },
      },
      patch: {
        operationId: "updateSalon",
        summary: "Update the salon's profile",
        description: "Any subset of the fields; blank or `null` clears an optional one. The next call hears a new name at once.",
        security: SALON_SECURITY,
        ...OWNERS_ONLY,
        requestBody: {
          content: { "application/json": { schema: updateSalonProfileSchema, example: { name: "Studio Nine", city: "Austin", phone: "(512) 555-0142" } } },
        },
        responses: { 200: json("The updated profile", data), ...salonErrors(JSON_BODY_ERRORS) },
      },
    },
    "/api/salon/special-days": {
      get: {
        operationId: "listSpecialDays",
        summary: "List closures and holiday hours",
        description: "From today (in the salon's zone) on, soonest first. On these dates they replace the weekly hours for answers, transfers, the auto-reply and availability.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        responses: { 200: json("The special days", z.strictObject({ data: z.array(specialDaySchema) })), ...salonErrors() },
      },
      post: {
        operationId: "saveSpecialDay",
        summary: "Add a closure or holiday hours",
        description: "One entry per date: saving a date again replaces what it had. `closed: true` ignores `periods`. Dates before today (salon's zone) are refused.",
        security: SALON_SECURITY,
        ...OWNERS_ONLY,
        requestBody: {
          content: { "application/json": { schema: saveSpecialDaySchema, example: { date: "2026-12-24", closed: false, periods: [{ open: "09:00", close: "13:00" }], label: "Christmas Eve" } } },
        },
        responses: { 200: json("The saved day", z.strictObject({ data: specialDaySchema })), ...salonErrors({ ...JSON_BODY_ERRORS, 422: ["validation_failed", "date_in_past"] }) },
      },
    },
    "/api/salon/special-days/{id}": {
      delete: {
        operationId: "deleteSpecialDay",
        summary: "Remove a closure or holiday hours",
        security: SALON_SECURITY,
        ...OWNERS_ONLY,
        requestParams: { path: idParamsSchema },
        responses: { 200: json("Removed", z.strictObject({ data: z.strictObject({ id: z.string() }) })), ...salonErrors({ 404: ["not_found"] }) },
      },
    },
  },
};
