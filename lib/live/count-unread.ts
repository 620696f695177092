// The sidebar's counts: Messages = conversations with a text not yet read, Calls = calls whose
// follow-up is open. One round trip, each count an index range read ([salonId, readAt, customerId]
// and [salonId, followUp, …]) stopping at UNREAD_CAP, so a salon that never clears its inbox costs
// the same as one that does.
import { querySalon } from "@/lib/db";
import { UNREAD_CAP, type UnreadCounts } from "@/lib/live/live-event";

export const UNREAD_COUNTS_SQL = `
  SELECT
    (SELECT count(*)::int FROM (SELECT DISTINCT "customerId" FROM "inbound_messages"
      WHERE "salonId" = $1 AND "readAt" IS NULL LIMIT ${UNREAD_CAP}) u) AS "messages",
    (SELECT count(*)::int FROM (SELECT 1 FROM "call_logs"
      WHERE "salonId" = $1 AND "followUp" = 'OPEN' LIMIT ${UNREAD_CAP}) f) AS "calls"`;

export async function countUnread(salonId: string): Promise<UnreadCounts> {
  const [row] = await querySalon<UnreadCounts>(salonId, { text: UNREAD_COUNTS_SQL, values: [salonId] });
  return row ?? { messages: 0, calls: 0 };
}
