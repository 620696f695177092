// API keys: owners list, create (the secret is shown once) and revoke keys.
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { type ApiTag, instant, json, JSON_BODY_ERRORS, OWNERS_ONLY, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { apiKeyIdParamsSchema, createApiKeySchema } from "@/lib/validations/api-keys";

const apiKeySchema = z
  .strictObject({
    id: z.string(),
    name: z.string().meta({ example: "Booking website" }),
    prefix: z.string().meta({ description: "The key's first characters, to tell keys apart.", example: "bolt_live_4fQ" }),
    role: z.enum(Role).meta({ description: "What the key may do: OWNER everything, STAFF no owner-only routes." }),
    createdByUserId: z.string().nullable(),
    lastUsedAt: instant.nullable().meta({ description: "Stamped at most once a minute." }),
    revokedAt: instant.nullable(),
    createdAt: instant,
  })
  .meta({ id: "ApiKey" });

export const apiKeysTag: ApiTag = {
  name: "API keys",
  description: "Keys let other software act for the salon. The secret is returned once, on creation, and stored hashed.",
  paths: {
    "/api/api-keys": {
      get: {
        operationId: "listApiKeys",
        summary: "List the salon's API keys",
        description: "Newest first, revoked ones included; never the secrets.",
        security: SALON_SECURITY,
        ...OWNERS_ONLY,
        responses: { 200: json("The keys", z.strictObject({ data: z.array(apiKeySchema) })), ...salonErrors() },
      },
      post: {
        operationId: "createApiKey",
        summary: "Create an API key",
        security: SALON_SECURITY,
        ...OWNERS_ONLY,
        requestBody: { content: { "application/json": { schema: createApiKeySchema, example: { name: "Booking website", role: "STAFF" } } } },
        responses: {
          201: json(
            "The key: `key` is the secret, shown this once",
            z.strictObject({ key: z.string().meta({ example: "bolt_live_4fQx…" }), apiKey: apiKeySchema }),
          ),
          ...salonErrors(JSON_BODY_ERRORS),
        },
      },
    },
    "/api/api-keys/{id}": {
      delete: {
        operationId: "revokeApiKey",
        summary: "Revoke an API key",
        description: "It stops working at once; revoking twice is fine.",
        security: SALON_SECURITY,
        ...OWNERS_ONLY,
        requestParams: { path: apiKeyIdParamsSchema },
        responses: { 204: { description: "Revoked" }, ...salonErrors({ 404: ["not_found"] }) },
      },
    },
  },
};
