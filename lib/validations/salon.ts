// Salon profile input (settings form and PATCH /api/salon).
import { z } from "zod";
import { timeZoneSchema } from "@/lib/salons/business-hours";
import { clearablePhoneSchema } from "@/lib/validations/phone";

/** Optional text: blank (from a form) or null clears the field. */
const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullable()
    .transform((v) => (v ? v : null))
    .optional();

export const updateSalonProfileSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, "Enter your salon's name.")
      .max(120, "Use at most 120 characters.")
      .optional(),
    timeZone: timeZoneSchema.optional(),
    addressLine1: clearableText(200),
    addressLine2: clearableText(200),
    city: clearableText(100),
    region: clearableText(100),
    postalCode: clearableText(20),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Use a two-letter country code, like US.")
      .optional(),
    phone: clearablePhoneSchema.optional(),
    /** Said after the address: "Free parking behind the building." */
    directions: clearableText(300),
    forwardingPhone: clearablePhoneSchema.optional(),
  })
  .strict();
export type UpdateSalonProfileInput = z.infer<typeof updateSalonProfileSchema>;
