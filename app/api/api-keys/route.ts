// GET /api/api-keys — the salon's API keys (never the secrets). POST — create one; the key is returned once.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { createApiKeySchema } from "@/lib/validations/api-keys";

export const GET = withSalon(
  async (_req, { salonId }) => NextResponse.json({ data: await listApiKeys(salonId) }),
  { roles: ["OWNER"] },
);

export const POST = withSalon(
  async (req, { salonId, userId }) => {
    const input = await parseJsonBody(req, createApiKeySchema);
    const { plaintextKey, apiKey } = await createApiKey(salonId, {
      ...input,
      createdByUserId: userId ?? null,
    });
    return NextResponse.json({ key: plaintextKey, apiKey }, { status: 201 });
  },
  { roles: ["OWNER"] },
);
