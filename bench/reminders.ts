// `npm run bench:reminders`: 10,000 appointment reminders due at once across 100 salons, through the
// real path — scheduleReminders → sendSms → pg-boss → the worker (with the reminders' send-time hook)
// → the real Twilio SDK → the local stand-in (in a child process, as Twilio is elsewhere). Prints how long until the stand-in accepted every one,
// messages/s, duplicates (texts per reminder beyond one) and failures. Goal on 2 cores: ≤ 20 s.
//
// Uses a throwaway embedded PostgreSQL, or BENCH_DATABASE_URL (an app-role URL; it is migrated and
// the bench's rows are left behind). Knobs: BENCH_SALONS (100), BENCH_PER_SALON (100),
// BENCH_PROFILE=<file.cpuprofile> to record a CPU profile of the dispatch phase only, BENCH_ENQUEUE=each
// to queue appointment by appointment (as bookings do, 16 at a time) instead of in one batch
// (scheduleRemindersFor, as an import does; goal ≤ 5 s for 10,000), and BENCH_ENQUEUE_ONLY=1 to stop there.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { startStandInProcess } from "./lib/standin-client";
import { benchDatabase } from "./lib/bench-database";

const SALONS = Number(process.env.BENCH_SALONS ?? 100);
const PER_SALON = Number(process.env.BENCH_PER_SALON ?? 100);
const TOTAL = SALONS * PER_SALON;
const OFFSET_MINUTES = 120;
const TIMEOUT_MS = 180_000;
const ACCOUNT = { sid: `AC${randomBytes(16).toString("hex")}`, authToken: randomBytes(16).toString("hex") };
const say = (msg: string) => console.log(`[bench] ${msg}`);
const secs = (ms: number) => (ms / 1000).toFixed(2);
const cleanups: Array<() => Promise<unknown>> = [];

// Distinct, well-formed numbers: salons on 415-555-0xxx, customers on 212-555-xxxx (10,000 of them).
const salonNumber = (s: number) => `+1415555${String(s).padStart(4, "0")}`;
const customerPhone = (i: number) => `+1212${String(5550000 + i).padStart(7, "0")}`;

async function seed(now: Date) {
  const { db } = await import("@/lib/db");
  const run = randomBytes(3).toString("hex");
  // Quiet hours off (start = end) and a quota above the burst: the bench measures sending, not deferral.
  await db.salon.createMany({
    data: Array.from({ length: SALONS }, (_, s) => ({
      name: `Bench Salon ${s}`,
      slug: `bench-${run}-${s}`,
      timeZone: "America/New_York",
      twilioNumber: salonNumber(s),
      quietHoursStart: "00:00",
      quietHoursEnd: "00:00",
      reminderOffsetsMinutes: [OFFSET_MINUTES],
      monthlySmsQuota: PER_SALON * 10,
    })),
  });
  const salons = await db.salon.findMany({
    where: { slug: { startsWith: `bench-${run}-` } },
    select: { id: true, slug: true },
  });
  salons.sort((a, b) => Number(a.slug.split("-").pop()) - Number(b.slug.split("-").pop()));
  const startsAt = new Date(now.getTime() + OFFSET_MINUTES * 60_000);
  for (const [s, salon] of salons.entries()) {
    const phones = Array.from({ length: PER_SALON }, (_, c) => customerPhone(s * PER_SALON + c));
    await db.customer.createMany({
      data: phones.map((phone, c) => ({ salonId: salon.id, phone, name: `Client ${c}`, firstTextedAt: now })),
    });
    const customers = await db.customer.findMany({ where: { salonId: salon.id }, select: { id: true } });
    const employee = await db.employee.create({ data: { salonId: salon.id, name: "Ana", phone: null } });
    const service = await db.service.create({
      data: { salonId: salon.id, name: "Haircut", durationMinutes: 45, priceCents: 5500 },
    });
    await db.appointment.createMany({
      data: customers.map((c) => ({
        salonId: salon.id,
        customerId: c.id,
        // Only the first with Ana: one stylist can't hold them all at once (no double booking).
        employeeId: c === customers[0] ? employee.id : null,
        serviceId: service.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      })),
    });
  }
  return db.appointment.findMany({
    where: { salonId: { in: salons.map((s) => s.id) } },
    select: { id: true, salonId: true },
  });
}

/** Optional: the inspector's CPU profiler around the dispatch phase (open the file in Chrome DevTools). */
async function startProfiler() {
  const file = process.env.BENCH_PROFILE;
  if (!file) return null;
  const { Session } = await import("node:inspector/promises");
  const { writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      say(`CPU profile of the dispatch phase written to ${file}`);
    },
  };
}

async function main() {
  const url = await benchDatabase(cleanups);
  cleanups.push(async () => (await import("@/lib/db/close-clients")).closeDatabaseClients());
  const { migrateUp } = await import("@/lib/db/migrator");
  await migrateUp(url);

  const standIn = await startStandInProcess({
    accounts: [ACCOUNT],
    numbers: Array.from({ length: SALONS }, (_, s) => ({
      accountSid: ACCOUNT.sid,
      phoneNumber: salonNumber(s),
    })),
  });
  cleanups.push(() => standIn.close());

  Object.assign(process.env, {
    NODE_ENV: "production",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    PUBLIC_BASE_URL: "http://127.0.0.1:9",
    TWILIO_ACCOUNT_SID: ACCOUNT.sid,
    TWILIO_AUTH_TOKEN: ACCOUNT.authToken,
    TWILIO_API_BASE_URL: standIn.url,
  });

  const now = new Date();
  say(`seeding ${SALONS} salons × ${PER_SALON} customers and appointments (${OFFSET_MINUTES} min from now)…`);
  const appointments = await seed(now);

  // The real scheduling path; planning "a minute ago" makes each reminder due right now.
  const { scheduleReminders, scheduleRemindersFor } = await import("@/lib/messaging/reminders");
  const { mapLimit } = await import("@/lib/jobs/map-limit");
  const planFor = new Date(now.getTime() - 60_000);
  const oneByOne = process.env.BENCH_ENQUEUE === "each";
  const t0 = Date.now();
  const planned = oneByOne
    ? (await mapLimit(appointments, 16, (a) => scheduleReminders(a.salonId, a.id, { now: planFor }))).flat()
    : await scheduleRemindersFor(appointments.map((a) => ({ salonId: a.salonId, appointmentId: a.id })), { now: planFor });
  const reminderIds = planned.map((n) => n.id);
  const how = oneByOne ? "one appointment at a time, 16 at once" : "scheduleRemindersFor, one batch";
  say(`queued ${reminderIds.length} reminders in ${secs(Date.now() - t0)} s (${how}; not part of the dispatch target)`);
  if (process.env.BENCH_ENQUEUE_ONLY === "1") {
    process.exitCode = reminderIds.length === TOTAL ? 0 : 1;
    return;
  }

  const { startWorker } = await import("@/lib/jobs/worker");
  const profiler = await startProfiler();
  const load = os.loadavg()[0] ?? 0;
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  const worker = await startWorker();
  cleanups.push(() => worker.stop());
  while (standIn.accepted() < reminderIds.length && Date.now() - started < TIMEOUT_MS) await sleep(10);
  const elapsed = Date.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  await profiler?.stop();
  await sleep(2_000); // anything still arriving now would be a duplicate

  const { accepted, duplicates } = await standIn.report();
  const { db } = await import("@/lib/db");
  const byStatus = await db.notification.groupBy({
    by: ["status"],
    where: { id: { in: reminderIds } },
    _count: true,
  });
  const statuses = Object.fromEntries(byStatus.map((r) => [r.status, r._count]));
  // Every accepted text must have its SID stored, or a retry could send it again.
  const withSid = await db.notification.count({
    where: { id: { in: reminderIds }, providerMessageId: { not: null } },
  });
  const failures = (statuses.FAILED ?? 0) + (statuses.CANCELED ?? 0) + (statuses.UNDELIVERED ?? 0);

  console.log("");
  console.log(`reminders        ${reminderIds.length} across ${SALONS} salons`);
  console.log(
    `accepted         ${accepted} by the stand-in${accepted < reminderIds.length ? " (TIMED OUT)" : ""}`,
  );
  console.log(`total            ${secs(elapsed)} s (worker start → last accepted; target ≤ 20 s)`);
  console.log(`throughput       ${(accepted / (elapsed / 1000)).toFixed(0)} messages/s`);
  // CPU this process spent dispatching (worker + SDK + our DB clients): the figure load elsewhere can't inflate.
  console.log(
    `worker CPU       ${secs((cpu.user + cpu.system) / 1000)} s (${((cpu.user + cpu.system) / 1000 / accepted).toFixed(2)} ms/message)`,
  );
  console.log(`machine load     ${load.toFixed(1)} (1-min average at start, ${os.cpus().length} cores)`);
  console.log(`duplicates       ${duplicates}`);
  console.log(`failures         ${failures}`);
  // No status callbacks reach this process (PUBLIC_BASE_URL points nowhere), so accepted texts stay
  // SENDING: handed to Twilio, SID stored, waiting for Twilio's "sent"/"delivered".
  console.log(
    `statuses         ${JSON.stringify(statuses)} (SENDING = accepted by Twilio; no status callbacks here)`,
  );
  console.log(`SIDs stored      ${withSid}`);
  const ok =
    accepted === reminderIds.length &&
    reminderIds.length === TOTAL &&
    withSid === TOTAL &&
    duplicates === 0 &&
    failures === 0;
  process.exitCode = ok ? 0 : 1;
}

/** Undoes the setup in reverse: worker, stand-in, database clients, PostgreSQL, temp dir. */
async function cleanup() {
  for (const fn of cleanups.reverse())
    await fn().catch((err: unknown) => console.error("[bench] cleanup:", err));
}

main()
  .catch((err: unknown) => {
    console.error("[bench] failed:", err);
    process.exitCode = 1;
  })
  .finally(() => void cleanup());
