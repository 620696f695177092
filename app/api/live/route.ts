// GET /api/live — the signed-in salon's live updates as Server-Sent Events (lib/live/, README "Live updates").
import { withSalon } from "@/lib/api/with-salon";
import { serveLiveStream } from "@/lib/live/serve-live-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Not counted against the API's request limits: every page load opens one stream, as pages are not
// counted either; streams are bounded per salon and per process instead (lib/live/live-listener.ts).
export const GET = withSalon(async (req, { salonId }) => serveLiveStream(req, salonId), { rateLimit: false });
