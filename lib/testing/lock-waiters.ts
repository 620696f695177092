// For tests that hold a lock and need to know another statement is now waiting for it. Asked on
// another connection: pg_stat_activity is a snapshot for the whole transaction that reads it.
import { db } from "@/lib/db";

/** Statements in this database waiting for a lock, optionally only those whose SQL is LIKE `query`. */
export async function countLockWaiters(query = "%"): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE ${query}`;
  return row?.n ?? 0;
}

/** Resolves once some statement (LIKE `query`) waits for a lock; throws after 10 s of nobody waiting. */
export async function waitForLockWaiter(query = "%"): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if ((await countLockWaiters(query)) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("nothing ever waited for the lock the test holds");
}
