// Account: signing up a salon (public), and this document itself.
import { z } from "zod";
import { type ApiTag, errors, json, JSON_BODY_ERRORS } from "@/lib/openapi/common";
import { signUpSchema } from "@/lib/validations/auth";

export const accountTag: ApiTag = {
  name: "Account",
  description: "Public routes: no key or session.",
  paths: {
    "/api/auth/signup": {
      post: {
        operationId: "signUp",
        summary: "Create a salon and its owner",
        description: "Rate limited to 5 per hour per IP. Sign in afterwards through the web app.",
        security: [],
        requestBody: {
          content: {
            "application/json": {
              schema: signUpSchema,
              example: { salonName: "Studio Nine", ownerName: "Nina Park", email: "nina@studionine.example", password: "a long pass phrase", timeZone: "America/Chicago" },
            },
          },
        },
        responses: {
          201: json("Created", z.strictObject({ salonId: z.string(), userId: z.string() })),
          ...errors({ ...JSON_BODY_ERRORS, 409: ["email_taken"], 422: ["validation_failed"], 429: ["rate_limited"], 503: ["service_unavailable"] }),
        },
      },
    },
    "/api/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document (OpenAPI 3.1)",
        description: "Public and cacheable; it holds no salon data.",
        security: [],
        responses: { 200: { description: "The OpenAPI document", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
};
