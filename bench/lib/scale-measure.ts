// What bench:scale measures inside its own process, against the 1M database while the servers run: each
// list request's SQL (through the list function the route calls), the worker sweeps' statements, and
// queuing 10,000 reminders. Every call goes through a public function, so the figures follow helpers'
// changes to the queries, sweeps and enqueue path; adapt the call here when a signature changes.
import {
  captureStatements,
  explainAsSalon,
  explainAsSystem,
  medianPlan,
  type PlanSummary,
} from "./scale-sql";

export type ListRequest = { name: string; path: string; table: "call_logs" | "notifications" };
export type SqlFigure = PlanSummary & { statements: number };

const EXPLAIN_RUNS = 3;

/** The list function behind a request path, called with the route's own schema. */
async function callListFunction(salonId: string, path: string): Promise<unknown> {
  const url = new URL(path, "http://bench");
  const search = Object.fromEntries(url.searchParams);
  if (url.pathname.endsWith("/call-logs")) {
    const { listCallLogsQuerySchema } = await import("@/lib/validations/calls");
    const { listCallLogs } = await import("@/lib/calls/list-call-logs");
    return listCallLogs(salonId, listCallLogsQuerySchema.parse(search));
  }
  const { listNotificationsQuerySchema } = await import("@/lib/validations/messaging");
  const { listNotifications } = await import("@/lib/notifications/list-notifications");
  return listNotifications(salonId, listNotificationsQuerySchema.parse(search));
}

/** EXPLAIN ANALYZE of the statements the request's list function sends to its table (summed when several). */
export async function listSql(salonId: string, request: ListRequest): Promise<SqlFigure> {
  const { statements } = await captureStatements(
    () => callListFunction(salonId, request.path),
    request.table,
  );
  const plans: PlanSummary[] = [];
  for (const statement of statements)
    plans.push(await medianPlan(EXPLAIN_RUNS, () => explainAsSalon(salonId, statement)));
  return sumPlans(plans);
}

function sumPlans(plans: PlanSummary[]): SqlFigure {
  return {
    ms: plans.reduce((s, p) => s + p.ms, 0),
    rowsRead: plans.reduce((s, p) => s + p.rowsRead, 0),
    pages: plans.reduce((s, p) => s + p.pages, 0),
    scans: plans.flatMap((p) => p.scans),
    statements: plans.length,
  };
}

export type SweepFigure = SqlFigure & { name: string; wallMs: number; result: unknown };

/** The worker's sweeps, each called once (timed) and its reads EXPLAINed as the system client. */
export async function measureSweeps(now: Date): Promise<SweepFigure[]> {
  const { requeueStrandedNotifications } = await import("@/lib/messaging/delivery/requeue-stranded");
  const { loadDueForCheck } = await import("@/lib/messaging/delivery/delivery-store");
  const { retryUnprocessedTexts } = await import("@/lib/messaging/retry-unprocessed-texts");
  const { deleteExpiredSessions } = await import("@/lib/auth/sessions");
  const sweeps: Array<[string, string, () => Promise<unknown>]> = [
    ["requeueStrandedNotifications", "notifications", () => requeueStrandedNotifications({ now })],
    [
      "settleUnknownTexts: loadDueForCheck",
      "notifications",
      async () => (await loadDueForCheck(now, 200)).length,
    ],
    ["retryUnprocessedTexts", "inbound_messages", () => retryUnprocessedTexts(() => now)],
    ["deleteExpiredSessions", "sessions", () => deleteExpiredSessions(() => now)],
  ];
  const figures: SweepFigure[] = [];
  for (const [name, table, run] of sweeps) {
    await run(); // warm: the worker runs these every minute, so a cold first read is not what it pays
    const { statements, ms, result } = await captureStatements(run, table);
    const plans: PlanSummary[] = [];
    for (const statement of statements)
      plans.push(await medianPlan(EXPLAIN_RUNS, () => explainAsSystem(statement)));
    figures.push({ name, wallMs: ms, result, ...sumPlans(plans) });
  }
  return figures;
}

/** The public enqueue path for many appointments' reminders, as a booking import calls it (one batch). */
async function queueReminders(
  appointments: Array<{ id: string; salonId: string }>,
  now: Date,
): Promise<number> {
  const { scheduleRemindersFor } = await import("@/lib/messaging/reminders");
  const queued = await scheduleRemindersFor(
    appointments.map((a) => ({ salonId: a.salonId, appointmentId: a.id })),
    { now },
  );
  return queued.length;
}

/**
 * 5,000 appointments three days ahead across 50 bench salons (two reminders each at the default offsets), queued
 * and timed, then removed again so the grown database stays the same from run to run.
 */
export async function measureReminderEnqueue(
  now: Date,
  benchSalons: number,
): Promise<{ queued: number; seconds: number }> {
  const { db } = await import("@/lib/db");
  const run = `brem-${now.getTime()}`;
  const startsAt = new Date(now.getTime() + 3 * 86_400_000);
  const rows = Array.from({ length: 5_000 }, (_, i) => {
    const n = 1 + (i % Math.min(50, benchSalons));
    // Customers 0…99 of the salon (a smaller plan's salons take more each: up to 5,000 / its salons).
    return {
      id: `${run}-${i}`,
      salonId: `bsalon${String(n).padStart(6, "0")}`,
      customerId: `bcus-${n}-${Math.floor(i / Math.min(50, benchSalons))}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
    };
  });
  await db.appointment.createMany({ data: rows });
  const t0 = performance.now();
  try {
    const queued = await queueReminders(rows, now);
    return { queued, seconds: (performance.now() - t0) / 1000 };
  } finally {
    const ids = rows.map((r) => r.id);
    const notifications = await db.notification.findMany({
      where: { appointmentId: { in: ids } },
      select: { id: true },
    });
    // Their delivery jobs would fire in three days for texts that no longer exist: take them out too.
    await db.$executeRaw`DELETE FROM pgboss.job WHERE data->>'notificationId' = ANY(${notifications.map((n) => n.id)}::text[])`.catch(
      (err: unknown) => console.warn("[bench] could not remove the reminders' jobs:", (err as Error).message),
    );
    await db.notification.deleteMany({ where: { appointmentId: { in: ids } } });
    await db.appointment.deleteMany({ where: { id: { in: ids } } });
  }
}
