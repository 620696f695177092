// API key input (settings form and POST /api/api-keys).
import { z } from "zod";
// enums.ts, not client.ts: these schemas are also imported by client components.
import { Role } from "@/lib/generated/prisma/enums";
import { resourceIdSchema } from "@/lib/validations/params";

export const createApiKeySchema = z
  .object({
    name: z
      .string({ error: "Name the key." })
      .trim()
      .min(1, "Name the key.")
      .max(80, "Use at most 80 characters."),
    // Keys act as owners unless created for staff-level access (read and send texts only).
    role: z.enum(Role, { error: "Choose Owner or Staff." }).default(Role.OWNER),
  })
  .strict();

export const apiKeyIdParamsSchema = z.object({ id: resourceIdSchema });
export const revokeApiKeySchema = z.object({ id: z.string().min(1, "Missing key.").max(64) }).strict();
