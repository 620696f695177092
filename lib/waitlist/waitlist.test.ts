// The waitlist end to end against real PostgreSQL and the Twilio stand-in: joining (idempotent), a
// cancellation offering its time to the right customers in order and in their language, the first "1"
// winning — also when two answer at once — and the API's salon isolation. The clock is always passed in.
import { afterAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/waitlist/route";
import { DELETE as removeRoute } from "@/app/api/waitlist/[id]/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { cancelAppointment, createAppointment } from "@/lib/appointments/mutations";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { findSalonByNumber } from "@/lib/telephony/find-salon-by-number";
import { apiRequest, idParams, noParams } from "@/lib/testing/auth-fixtures";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { createCustomer, createEmployee, createService, newMessageSid, uniquePhone } from "@/lib/testing/factories";
import { answerWaitlistOffer } from "@/lib/waitlist/answer-offer";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { listWaitlist } from "@/lib/waitlist/list-waitlist";
import { isTakeAnswer } from "@/lib/waitlist/offer-texts";

const servers = setUpTextingServers();
afterAll(() => closeRateLimitStore());

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ALWAYS_OPEN = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "08:00", close: "20:00" }]]));
/** Monday 9:00 AM in Chicago; years ahead of any real clock, so the delivery job's own "now" never finds an offer expired. */
const NOW = new Date("2030-03-04T15:00:00Z");
/** Thursday 2:00 PM in Chicago: the time a cancellation frees. */
const SLOT = new Date("2030-03-07T20:00:00Z");

async function salonSetup(overrides: Parameters<typeof createTextingSalon>[1] = {}) {
  const salon = await createTextingSalon(servers.standIn, {
    name: `Waitlist ${uniquePhone().slice(-4)}`,
    timeZone: "America/Chicago",
    businessHours: ALWAYS_OPEN,
    ...overrides,
  });
  const [ana, bea] = await Promise.all(
    ["Ana", "Bea"].map((name) => createEmployee(salon.id, { name, workingHours: ALWAYS_OPEN })),
  );
  const cut = await createService(salon.id, { name: "Women's Cut", durationMinutes: 60 });
  await db.employeeService.createMany({
    data: [ana!, bea!].map((e) => ({ salonId: salon.id, employeeId: e.id, serviceId: cut.id })),
  });
  const customer = (name: string, extra: { smsConsent?: "OPTED_OUT" } = {}) =>
    createCustomer(salon.id, { name, firstTextedAt: NOW, ...extra });
  return { salon, ana: ana!, bea: bea!, cut, customer };
}
type Setup = Awaited<ReturnType<typeof salonSetup>>;

/** A booking of Ana's at SLOT by someone, cancelled at NOW: its time goes to the waitlist. */
async function freeTheSlot(s: Setup) {
  const canceller = await s.customer("Cancelling Carl");
  const booked = await createAppointment(s.salon.id, { customerId: canceller.id, employeeId: s.ana.id, serviceId: s.cut.id, startsAt: SLOT });
  await cancelAppointment(s.salon.id, booked.id, { now: NOW });
  return booked;
}

const join = (s: Setup, customerId: string, extra: Partial<Parameters<typeof joinWaitlist>[1]> = {}) =>
  joinWaitlist(s.salon.id, { customerId, serviceId: s.cut.id, language: "en", now: NOW, ...extra });

/** Runs the delivery job for the salon's queued waitlist offers, as the worker would. */
async function deliverOffers(salonId: string) {
  const queued = await db.notification.findMany({ where: { salonId, kind: "WAITLIST_OFFER", status: "QUEUED" }, orderBy: { createdAt: "asc" } });
  for (const n of queued) await processDeliverJob({ notificationId: n.id, salonId }, { retryCount: 0, retryLimit: 5 });
}

const offerTextsOf = (salonId: string) =>
  db.notification.findMany({ where: { salonId, kind: "WAITLIST_OFFER" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { customerId: true, body: true, status: true } });

async function answer(s: Setup, customer: { id: string; phone: string; name: string | null }, body: string, now = NOW, messageSid = newMessageSid()) {
  const salon = (await findSalonByNumber(s.salon.twilioNumber!))!;
  const ctx = {
    salon,
    customer: { ...customer, smsConsent: "OPTED_IN" as const, isNew: false },
    messageSid,
    receivedAt: now,
    now,
  };
  return answerWaitlistOffer(ctx, body, now);
}

const replyTo = (salonId: string, customerId: string) =>
  db.notification.findMany({ where: { salonId, customerId, kind: "APPOINTMENT_REPLY" }, select: { body: true } }).then((r) => r.map((n) => n.body));

describe("joining the waitlist", () => {
  it("keeps one open entry per customer and wish; the window ends at the appointment to move", async () => {
    const s = await salonSetup();
    const dana = await s.customer("Dana");
    const first = await join(s, dana.id, { window: { end: new Date(NOW.getTime() + 5 * DAY) } });
    const again = await join(s, dana.id, { window: { end: new Date(NOW.getTime() + 6 * DAY) }, language: "es" });
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.entry).toMatchObject({ id: first.entry.id, windowStart: NOW, windowEnd: new Date(NOW.getTime() + 6 * DAY), language: "es", status: "WAITING" });

    const later = await createAppointment(s.salon.id, { customerId: dana.id, employeeId: s.bea.id, serviceId: s.cut.id, startsAt: new Date(SLOT.getTime() + 2 * DAY) });
    const moving = await join(s, dana.id, { appointmentId: later.id, serviceId: undefined });
    expect(moving).toMatchObject({ created: true, entry: { serviceId: s.cut.id, windowEnd: later.startsAt } });
    expect(await db.waitlistEntry.count({ where: { customerId: dana.id } })).toBe(2);

    const other = await salonSetup();
    await expect(join(other, dana.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(join(s, dana.id, { window: { end: NOW } })).rejects.toMatchObject({ code: "waitlist_window_empty" });
  });

  it("reads '1' (or one, uno) as taking an offer, and nothing else", () => {
    expect(["1", " 1. ", "1 please", "One", "uno!", "1👍"].map(isTakeAnswer)).toEqual([true, true, true, true, true, true]);
    expect(["12", "2", "yes", "cancel my appointment", "10am"].map(isTakeAnswer)).toEqual([false, false, false, false, false]);
  });
});

describe("a cancellation offers its time to the waitlist", () => {
  it("texts the first three who fit, oldest first, each in their language; never the opted-out, another stylist's or a closed window", async () => {
    const s = await salonSetup();
    const wantsBea = await s.customer("Wants Bea");
    const optedOut = await s.customer("Opted Out", { smsConsent: "OPTED_OUT" });
    const tooLate = await s.customer("Too Late");
    const [maria, jose, lee, fourth] = await Promise.all(["Maria", "José", "Lee", "Fourth"].map((n) => s.customer(n)));
    // Joined in this order (createdAt is the waitlist's order).
    await join(s, wantsBea.id, { employeeId: s.bea.id });
    await join(s, optedOut.id);
    await join(s, tooLate.id, { window: { end: SLOT } });
    await join(s, maria!.id);
    await join(s, jose!.id, { language: "es" });
    await join(s, lee!.id, { employeeId: s.ana.id });
    await join(s, fourth!.id);

    await freeTheSlot(s);
    const texts = await offerTextsOf(s.salon.id);
    expect(texts.map((t) => t.customerId)).toEqual([maria!.id, jose!.id, lee!.id]);
    expect(texts.map((t) => t.body)).toEqual([
      `${s.salon.name}: Ana has an opening Thu, Mar 7 at 2:00 PM for a Women's Cut. Reply 1 to take it.`,
      `${s.salon.name}: Ana tiene un hueco el jue 7 mar a las 14:00 para Women's Cut. Responda 1 para reservarla.`,
      `${s.salon.name}: Ana has an opening Thu, Mar 7 at 2:00 PM for a Women's Cut. Reply 1 to take it.`,
    ]);
    const statuses = await db.waitlistEntry.findMany({ where: { salonId: s.salon.id }, orderBy: { createdAt: "asc" }, select: { status: true } });
    expect(statuses.map((e) => e.status)).toEqual(["WAITING", "WAITING", "WAITING", "OFFERED", "OFFERED", "OFFERED", "WAITING"]);
    expect(await db.notification.count({ where: { customerId: optedOut.id } })).toBe(0);
  });

  it("offers nothing for a slot too close to take", async () => {
    const s = await salonSetup();
    await join(s, (await s.customer("Early")).id);
    const canceller = await s.customer("Carl");
    const soon = await createAppointment(s.salon.id, { customerId: canceller.id, employeeId: s.ana.id, serviceId: s.cut.id, startsAt: new Date(NOW.getTime() + 70 * MIN) });
    await cancelAppointment(s.salon.id, soon.id, { now: NOW });
    expect(await offerTextsOf(s.salon.id)).toEqual([]);
  });

  it("at night, offers a slot only if quiet hours leave time to take it, and from when they end", async () => {
    const s = await salonSetup({ quietHoursStart: "21:00", quietHoursEnd: "08:00" });
    await join(s, (await s.customer("Night Owl")).id);
    const carl = await s.customer("Carl");
    const night = new Date("2030-03-05T05:00:00Z"); // 11 PM in Chicago: quiet until 8 AM (14:00Z)
    const bookAt = (startsAt: Date) => createAppointment(s.salon.id, { customerId: carl.id, employeeId: s.ana.id, serviceId: s.cut.id, startsAt });
    const early = await bookAt(new Date("2030-03-05T14:30:00Z")); // 8:30 AM: past taking by the time texts may go out
    await cancelAppointment(s.salon.id, early.id, { now: night });
    expect(await db.waitlistOffer.count({ where: { salonId: s.salon.id } })).toBe(0);
    const afternoon = await bookAt(new Date("2030-03-05T20:00:00Z")); // 2 PM
    await cancelAppointment(s.salon.id, afternoon.id, { now: night });
    expect(await db.waitlistOffer.findMany({ where: { salonId: s.salon.id }, select: { expiresAt: true } })).toEqual([
      { expiresAt: new Date("2030-03-05T16:00:00Z") }, // two hours from 8 AM
    ]);
  });
});

describe("answering an offer", () => {
  it("two customers answering at once: one booking; the other is told politely and keeps waiting", async () => {
    const s = await salonSetup();
    const [maria, jose] = await Promise.all(["Maria", "Jose"].map((n) => s.customer(n)));
    await join(s, maria!.id);
    await join(s, jose!.id);
    await freeTheSlot(s);
    await deliverOffers(s.salon.id);

    const at = new Date(NOW.getTime() + 10 * MIN);
    const outcomes = await Promise.all([answer(s, maria!, "1", at), answer(s, jose!, "1", at)]);
    expect([...outcomes].sort()).toEqual(["waitlist_booked", "waitlist_slot_taken"]);
    const booked = await db.appointment.findMany({ where: { salonId: s.salon.id, startsAt: SLOT, status: { in: ["BOOKED", "CONFIRMED"] } } });
    expect(booked).toHaveLength(1);
    const [winner, loser] = booked[0]!.customerId === maria!.id ? [maria!, jose!] : [jose!, maria!];
    expect(booked[0]).toMatchObject({ employeeId: s.ana.id, serviceId: s.cut.id, endsAt: new Date(SLOT.getTime() + HOUR) });
    expect(await replyTo(s.salon.id, winner.id)).toEqual([`${s.salon.name}: Done! You're booked Thu, Mar 7 at 2:00 PM with Ana for a Women's Cut.`]);
    expect(await replyTo(s.salon.id, loser.id)).toEqual([`${s.salon.name}: Sorry, that time was just taken — you're still on the waitlist.`]);
    const entries = await db.waitlistEntry.findMany({ where: { salonId: s.salon.id }, select: { customerId: true, status: true } });
    expect(Object.fromEntries(entries.map((e) => [e.customerId, e.status]))).toEqual({ [winner.id]: "BOOKED", [loser.id]: "WAITING" });
    expect(await db.waitlistOffer.count({ where: { salonId: s.salon.id, wonSlot: { not: null } } })).toBe(1);

    // The loser's "1" again, and any other text, is no longer an answer to anything.
    expect(await answer(s, loser, "1", at)).toBeNull();
    expect(await answer(s, winner, "hello", at)).toBeNull();
  });

  it("the same answer acted on twice (an inbound retry) books once", async () => {
    const s = await salonSetup();
    const maria = await s.customer("Maria");
    await join(s, maria.id);
    await freeTheSlot(s);
    await deliverOffers(s.salon.id);
    const sid = newMessageSid();
    const at = new Date(NOW.getTime() + 5 * MIN);
    expect(await Promise.all([answer(s, maria, "1", at, sid), answer(s, maria, "1", at, sid)])).toEqual(["waitlist_booked", "waitlist_booked"]);
    expect(await db.appointment.count({ where: { salonId: s.salon.id, customerId: maria.id } })).toBe(1);
    expect(await replyTo(s.salon.id, maria.id)).toHaveLength(1);
  });

  it("moves the appointment an entry is tied to, in Spanish", async () => {
    const s = await salonSetup();
    const jose = await s.customer("José");
    const later = await createAppointment(s.salon.id, { customerId: jose.id, employeeId: s.bea.id, serviceId: s.cut.id, startsAt: new Date(SLOT.getTime() + 3 * DAY) });
    await join(s, jose.id, { appointmentId: later.id, language: "es" });
    await freeTheSlot(s);
    expect((await offerTextsOf(s.salon.id)).map((t) => t.body)).toEqual([
      `${s.salon.name}: Ana tiene un hueco el jue 7 mar a las 14:00 para Women's Cut. Responda 1 para cambiar su cita a esa hora.`,
    ]);
    await deliverOffers(s.salon.id);
    expect(await answer(s, jose, "uno", new Date(NOW.getTime() + 30 * MIN))).toBe("waitlist_moved");
    expect(await db.appointment.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({ startsAt: SLOT, employeeId: s.ana.id, status: "BOOKED" });
    expect(await replyTo(s.salon.id, jose.id)).toEqual([`${s.salon.name}: ¡Listo! Su cita se cambió al jue 7 mar a las 14:00 con Ana.`]);
  });

  it("an answer after the offer expired books nothing and keeps the customer waiting", async () => {
    const s = await salonSetup();
    const maria = await s.customer("Maria");
    await join(s, maria.id);
    await freeTheSlot(s);
    await deliverOffers(s.salon.id);
    expect(await answer(s, maria, "1", new Date(NOW.getTime() + 3 * HOUR))).toBe("waitlist_offer_expired");
    expect(await db.appointment.count({ where: { salonId: s.salon.id, customerId: maria.id } })).toBe(0);
    expect(await db.waitlistEntry.findFirstOrThrow({ where: { customerId: maria.id } })).toMatchObject({ status: "WAITING" });
    expect(await replyTo(s.salon.id, maria.id)).toEqual([`${s.salon.name}: Sorry, that offer has expired — you're still on the waitlist.`]);
  });
});

describe("GET and DELETE /api/waitlist", () => {
  it("lists a salon's open entries oldest first with their last offer, removes one, and never reaches another salon's", async () => {
    const s = await salonSetup();
    const other = await salonSetup();
    const [key, otherKey] = await Promise.all(
      [s, other].map(async (x) => (await createApiKey(x.salon.id, { name: "api", role: "STAFF" })).plaintextKey),
    );
    const [maria, lee] = await Promise.all(["Maria", "Lee"].map((n) => s.customer(n)));
    const first = await join(s, maria!.id, { employeeId: s.ana.id });
    const second = await join(s, lee!.id, { language: "es" });
    await freeTheSlot(s);
    await join(other, (await other.customer("Elsewhere")).id);

    const list = async (k: string, query = "") => {
      const res = await listRoute(apiRequest(`/api/waitlist${query}`, { key: k }), noParams);
      return { status: res.status, body: (await res.json()) as { data: Array<Record<string, unknown>>; nextCursor: string | null } };
    };
    const { status, body } = await list(key!);
    expect(status).toBe(200);
    expect(body.data.map((e) => e.id)).toEqual([first.entry.id, second.entry.id]);
    expect(body.data[0]).toMatchObject({
      status: "OFFERED",
      customer: { id: maria!.id, name: "Maria" },
      service: { id: s.cut.id, name: "Women's Cut" },
      stylist: { id: s.ana.id, name: "Ana" },
      language: "en",
      lastOffer: { startsAt: SLOT.toISOString(), status: "SENT" },
    });
    const paged = await list(key!, "?limit=1");
    expect(paged.body.data.map((e) => e.id)).toEqual([first.entry.id]);
    expect((await list(key!, `?limit=1&cursor=${paged.body.nextCursor}`)).body.data.map((e) => e.id)).toEqual([second.entry.id]);
    expect((await list(key!, "?status=bogus")).status).toBe(422);
    expect((await list(otherKey!)).body.data.map((e) => (e.customer as { name: string }).name)).toEqual(["Elsewhere"]);

    const remove = (id: string, k: string) => removeRoute(apiRequest(`/api/waitlist/${id}`, { method: "DELETE", key: k }), idParams(id));
    expect((await remove(first.entry.id, otherKey!)).status).toBe(404);
    const removed = await remove(first.entry.id, key!);
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ data: { id: first.entry.id, status: "REMOVED", lastOffer: { status: "EXPIRED" } } });
    expect((await remove(first.entry.id, key!)).status).toBe(404);
    expect((await list(key!)).body.data.map((e) => e.id)).toEqual([second.entry.id]);
    expect((await list(key!, "?status=REMOVED")).body.data.map((e) => e.id)).toEqual([first.entry.id]);
    // Once their window has passed, nobody is still waiting.
    expect((await listWaitlist(s.salon.id, { limit: 25 }, new Date(NOW.getTime() + 15 * DAY))).data).toEqual([]);
    expect((await list(key!, "?status=EXPIRED")).body.data.map((e) => e.id)).toEqual([second.entry.id]);
  });
});
