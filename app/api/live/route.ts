// GET /api/live — the signed-in salon's live updates as Server-Sent Events (lib/live/, README "Live updates").
import { withSalon } from "@/lib/api/with-salon";
import { serveLiveStream } from "@/lib/live/serve-live-stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withSalon(async (req, { salonId }) => serveLiveStream(req, salonId));
