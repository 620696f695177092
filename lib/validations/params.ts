// Path parameters of the API's routes. Ids are cuids or UUIDs; anything absurd is refused (422)
// before a query rather than turned into a 404 by the database.
import { z } from "zod";
import { isSafeText } from "@/lib/api/text-input";

export const resourceIdSchema = z
  .string()
  .trim()
  .min(1, "Expected an id")
  .max(64, "Expected an id")
  // A path's %00 arrives decoded: refused here, or PostgreSQL's refusal would be a 500.
  .refine(isSafeText, "Expected an id");

export const idParamsSchema = z.object({ id: resourceIdSchema });
export const customerIdParamsSchema = z.object({ customerId: resourceIdSchema });
