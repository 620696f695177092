// Records "Twilio accepted it" (SID, status, final body, event) for many texts in one statement.
// Sends finish a few milliseconds apart; gathering them for up to FLUSH_MS turns ~16 writes into one,
// which is most of the database cost of a reminder burst. Callers still await their own row.
import { randomUUID } from "node:crypto";
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { firstCheckAfterAccept } from "@/lib/messaging/delivery/check-schedule";

export type AcceptedEntry = {
  id: string;
  salonId: string;
  status: NotificationStatus;
  sid: string;
  body: string;
  segmentCount: number;
  errorCode: string | null;
  failureReason: string | null;
  detail: string;
};

/** Short enough that a status callback rarely beats the write (the status route re-checks once anyway). */
const FLUSH_MS = 5;
const MAX_BATCH = 50;

let pending: Array<{ entry: AcceptedEntry; resolve: () => void; reject: (err: unknown) => void }> = [];
let timer: NodeJS.Timeout | undefined;

async function writeAccepted(entries: AcceptedEntry[]): Promise<void> {
  const now = new Date();
  const checkAt = firstCheckAfterAccept(now);
  const col = <K extends keyof AcceptedEntry>(key: K) => entries.map((e) => e[key]);
  const eventIds = entries.map(() => randomUUID());
  await db.$executeRaw`
    WITH v AS (
      SELECT * FROM unnest(
        ${col("id")}::text[], ${col("salonId")}::text[], ${col("status")}::text[], ${col("sid")}::text[], ${col("body")}::text[],
        ${col("segmentCount")}::int[], ${col("errorCode")}::text[], ${col("failureReason")}::text[], ${eventIds}::text[], ${col("detail")}::text[]
      ) AS v(id, "salonId", status, sid, body, segments, "errorCode", "failureReason", "eventId", detail)
    ),
    up AS (
      UPDATE "notifications" n SET
        "status" = v.status::"NotificationStatus",
        "providerMessageId" = v.sid,
        "sentAt" = ${now}::timestamp(3),
        "body" = v.body,
        "segmentCount" = v.segments,
        "errorCode" = COALESCE(v."errorCode", n."errorCode"),
        "failureReason" = COALESCE(v."failureReason", n."failureReason"),
        "failedAt" = CASE WHEN v.status IN ('FAILED', 'UNDELIVERED') THEN ${now}::timestamp(3) ELSE n."failedAt" END,
        "statusCheckAt" = CASE WHEN v.status IN ('SENDING', 'SENT') THEN ${checkAt}::timestamp(3) END,
        "statusChecks" = 0,
        "updatedAt" = ${now}::timestamp(3)
      FROM v
      WHERE n."id" = v.id AND n."salonId" = v."salonId" AND n."status" = 'SENDING'
      RETURNING n."id"
    )
    INSERT INTO "notification_events" ("id", "salonId", "notificationId", "status", "errorCode", "detail", "occurredAt", "createdAt", "updatedAt")
    SELECT v."eventId", v."salonId", v.id, v.status::"NotificationStatus", v."errorCode", v.detail,
           ${now}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3)
    FROM v JOIN up ON up."id" = v.id`;
}

function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  const batch = pending;
  pending = [];
  if (batch.length === 0) return;
  writeAccepted(batch.map((p) => p.entry)).then(
    () => batch.forEach((p) => p.resolve()),
    (err: unknown) => batch.forEach((p) => p.reject(err)),
  );
}

/** Queues one acceptance for the next combined write; resolves once it is committed. */
export function recordAccepted(entry: AcceptedEntry): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    pending.push({ entry, resolve, reject });
    if (pending.length >= MAX_BATCH) flush();
    else timer ??= setTimeout(flush, FLUSH_MS);
  });
}
