// GET /api/openapi.json — the API's OpenAPI 3.1 document (lib/openapi/document.ts). Public: it describes
// routes, never a salon's data, so any client or tool may fetch and cache it.
import { openApiJson } from "@/lib/openapi/document";

export function GET(): Response {
  return new Response(openApiJson(), {
    headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300, stale-while-revalidate=3600" },
  });
}
