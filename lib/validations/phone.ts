// The one phone-number field schema: accepts what people type, yields E.164 (see lib/phone.ts).
import { z } from "zod";
import { normalizePhone } from "@/lib/phone";

export const PHONE_ERROR = "Enter a valid phone number, e.g. +1 415 555 0123";

/** Messy input ("(415) 555-0123") in, "+14155550123" out; US is assumed when no country code is given. */
export const e164PhoneSchema = z.string({ error: PHONE_ERROR }).transform((value, ctx) => {
  const e164 = normalizePhone(value);
  if (e164 === null) {
    ctx.addIssue({ code: "custom", message: PHONE_ERROR });
    return z.NEVER;
  }
  return e164;
});

/** An optional phone field on a form or PATCH: blank or null clears it, anything else must be a valid number. */
export const clearablePhoneSchema = z.union([z.literal("").transform(() => null), z.null(), e164PhoneSchema]);
