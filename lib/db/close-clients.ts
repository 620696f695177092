// Every database client this process may hold, released in one place (before PostgreSQL stops or a
// script exits). Apart from lib/db.ts so that importing `db` never loads pg-boss or the limiter.
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { closeCallLogPool } from "@/lib/calls/insert-call-log";
import { disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";

/** Closes pg-boss, the Prisma clients, the call-log pool and the rate-limit pool; unopened ones are skipped. */
export async function closeDatabaseClients(): Promise<void> {
  // pg-boss first: its graceful stop lets jobs in hand finish, and they write through the others.
  await stopBoss();
  await Promise.all([disconnectDb(), closeCallLogPool(), closeRateLimitStore()]);
}
