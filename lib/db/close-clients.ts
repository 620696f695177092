// Every database client this process may hold, released in one place (before PostgreSQL stops or a
// script exits). Apart from lib/db.ts so that importing `db` never loads pg-boss or the limiter.
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { closeCallLogPool } from "@/lib/calls/insert-call-log";
import { disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { closeLiveListener } from "@/lib/live/live-listener";

/** Closes pg-boss, the Prisma clients, the call-log pool, the rate-limit pool and the live listener; unopened ones are skipped. */
export async function closeDatabaseClients(): Promise<void> {
  // pg-boss first: its graceful stop lets jobs in hand finish, and they write through the others.
  await stopBoss();
  await Promise.all([disconnectDb(), closeCallLogPool(), closeRateLimitStore(), closeLiveListener()]);
}
