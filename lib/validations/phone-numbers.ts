// Input for POST /api/telephony/provision-phone and the "Get my number" form.
import { z } from "zod";

export const provisionPhoneSchema = z
  .object({
    areaCode: z
      .string()
      .trim()
      .regex(/^[2-9]\d{2}$/, "Enter a three-digit US or Canadian area code, like 415.")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .strict();
