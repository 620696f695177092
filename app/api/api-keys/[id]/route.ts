// DELETE /api/api-keys/:id — revoke one of the salon's keys (404 for any other salon's key).
import { withSalon } from "@/lib/api/with-salon";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { apiKeyIdParamsSchema } from "@/lib/validations/api-keys";

export const DELETE = withSalon<{ id: string }>(
  async (_req, { salonId, params }) => {
    const { id } = apiKeyIdParamsSchema.parse(await params);
    await revokeApiKey(salonId, id);
    return new Response(null, { status: 204 });
  },
  { roles: ["OWNER"] },
);
