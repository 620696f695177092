// The fault test: `npm run worker` and the Twilio stand-in each in their own process, the worker
// SIGKILLed while Twilio holds texts it never answered for, then restarted (once with the stand-in
// offline for a while). Every text must end with its true state: the ones Twilio took with its SID,
// the others sent once — none FAILED, none twice. Status callbacks go nowhere (lost), so the
// statuses come from the worker asking Twilio. Back-off in milliseconds: the file takes seconds.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requeueDeliveries } from "@/lib/messaging/delivery/requeue-stranded";
import { stopBoss } from "@/lib/jobs/boss";
import { createSalon, uniquePhone } from "@/lib/testing/factories";
import { MAIN_ACCOUNT, unusedPort } from "@/lib/testing/twilio-sandbox";
import {
  startStandInProcess,
  startWorkerProcess,
  type StandInProcess,
  type WorkerProcess,
} from "@/lib/testing/fault-processes";

/**
 * Texts per case, of which Twilio takes IN_FLIGHT (the stand-in's limit while it holds answers: the
 * worker's fetch loops can split a batch and send more than 16 at once), so some are claimed but never
 * taken.
 */
const TEXTS = 24;
const IN_FLIGHT = 16;
/**
 * Send answers are held this long, so the worker dies with texts Twilio has and it never heard about:
 * long enough that no answer comes back before the kill lands, even on a loaded box.
 */
const HOLD_MS = 5_000;

let standIn: StandInProcess;
let workerEnv: Record<string, string>;
let salonId: string;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  standIn = await startStandInProcess([MAIN_ACCOUNT]);
  workerEnv = {
    TWILIO_API_BASE_URL: standIn.url,
    TWILIO_ACCOUNT_SID: MAIN_ACCOUNT.sid,
    TWILIO_AUTH_TOKEN: MAIN_ACCOUNT.authToken,
    // Status callbacks are lost: nothing listens there.
    PUBLIC_BASE_URL: `http://127.0.0.1:${await unusedPort()}`,
    // Longer than a held send, so a live worker's texts are never taken for abandoned ones.
    TEXT_CHECK_SENDING_AFTER_MS: String(HOLD_MS + 2_000),
    TEXT_CHECK_STATUS_AFTER_MS: "300",
    TEXT_CHECK_INITIAL_DELAY_MS: "150",
    TEXT_CHECK_BACKOFF_FACTOR: "2",
    TEXT_CHECK_MAX_DELAY_MS: "400",
    TEXT_CHECK_GIVE_UP_MS: "60000",
  };
  salonId = (await createSalon({ quietHoursStart: "00:00", quietHoursEnd: "00:00", twilioNumber: uniquePhone() })).id;
}, 90_000);
afterAll(async () => {
  for (const w of workers) await w.kill();
  await stopBoss();
  await standIn.stop();
});

async function startWorker(): Promise<WorkerProcess> {
  const worker = await startWorkerProcess(workerEnv);
  workers.push(worker);
  return worker;
}

async function queueTexts(label: string): Promise<string[]> {
  const rows = await db.notification.createManyAndReturn({
    data: Array.from({ length: TEXTS }, (_, i) => ({
      salonId,
      kind: "CUSTOM" as const,
      recipientKind: "OTHER" as const,
      destination: uniquePhone(),
      body: `${label} #${i}`,
    })),
    select: { id: true, salonId: true, updatedAt: true },
  });
  // One insert, so a running worker fetches them as one batch.
  await requeueDeliveries(rows);
  return rows.map((r) => r.id);
}

async function waitFor(what: string, done: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  // A monotonic bound on the wait, not a reading of the wall clock.
  const deadline = performance.now() + timeoutMs;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const rowsOf = (ids: string[]) =>
  db.notification.findMany({ where: { id: { in: ids } }, select: { id: true, destination: true, status: true, providerMessageId: true, statusChecks: true } });

/** Starts sending `ids` with answers held and SIGKILLs the worker once Twilio holds IN_FLIGHT of them. */
async function crashMidSend(worker: WorkerProcess, ids: string[]): Promise<() => Promise<number>> {
  const destinations = new Set((await rowsOf(ids)).map((r) => r.destination));
  const taken = async () => (await standIn.messages()).filter((m) => destinations.has(m.to)).length;
  await waitFor("Twilio to take the first texts", async () => (await taken()) >= IN_FLIGHT);
  await worker.kill("SIGKILL");
  // The precondition: every text claimed, none recorded; Twilio has some of them.
  expect((await rowsOf(ids)).filter((r) => r.status === "SENDING" && !r.providerMessageId)).toHaveLength(TEXTS);
  expect(await taken()).toBe(IN_FLIGHT);
  return taken;
}

/** Each text DELIVERED (as Twilio has it; its callbacks are lost) with the one message Twilio has for it. */
async function expectTrueStates(ids: string[]): Promise<void> {
  await waitFor("every text to be settled", async () => (await rowsOf(ids)).every((r) => r.status === "DELIVERED"));
  const messages = await standIn.messages();
  for (const row of await rowsOf(ids)) {
    const atTwilio = messages.filter((m) => m.to === row.destination);
    expect(atTwilio.map((m) => m.sid), row.destination).toEqual([row.providerMessageId]);
  }
}

it("settles texts in flight at a crash by asking Twilio: the ones it took keep their SID, the rest go out once", async () => {
  await standIn.holdResponses(HOLD_MS, IN_FLIGHT);
  const ids = await queueTexts("restart");
  const taken = await crashMidSend(await startWorker(), ids);

  await standIn.holdResponses(0);
  // A request the killed worker had already written can still reach Twilio after the kill, even after the
  // new worker starts (CI once saw 3 arrive then): at least what Twilio held at the restart is settled by
  // asking, every text is settled exactly one way, and each ends with the one message Twilio has for it.
  const takenAtRestart = await taken();
  expect(takenAtRestart).toBeGreaterThanOrEqual(IN_FLIGHT);
  await startWorker();
  await expectTrueStates(ids);
  const events = await db.notificationEvent.findMany({ where: { notificationId: { in: ids } }, select: { detail: true } });
  const detail = (start: string) => events.filter((e) => e.detail?.startsWith(start)).length;
  const hadIt = detail("Sending was interrupted; Twilio has it as");
  expect(hadIt).toBeGreaterThanOrEqual(takenAtRestart);
  expect(hadIt + detail("Sending was interrupted before Twilio took it")).toBe(TEXTS);
}, 150_000);

it("keeps asking with back-off while Twilio is unreachable after the restart, and settles once it is back", async () => {
  const ids = await queueTexts("offline");
  await standIn.holdResponses(HOLD_MS, IN_FLIGHT);
  const survivor = workers.at(-1) as WorkerProcess;
  await crashMidSend(survivor, ids);

  await standIn.goOffline();
  await standIn.holdResponses(0);
  await startWorker();
  await waitFor("checks that Twilio did not answer", async () => (await rowsOf(ids)).every((r) => r.statusChecks >= 2));
  // Unknown stays unknown: nothing failed, nothing queued to go out again.
  expect((await rowsOf(ids)).map((r) => r.status)).toEqual(new Array(TEXTS).fill("SENDING"));

  await standIn.comeBackOnline();
  await expectTrueStates(ids);
}, 150_000);
