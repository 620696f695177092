// The dialogue core against a real database, with hand-built understandings (the NLU's own tests cover
// the words): booking, moving and cancelling, Spanish, staleness, a slot taken meanwhile, and the same
// pick delivered five times at once. The clock is fixed, years ahead, so reminders are planned.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Language } from "@/lib/i18n/language";
import type { DialogueTurn } from "@/lib/receptionist/dialogue/context";
import { dialogueKey } from "@/lib/receptionist/dialogue/store";
import { takeDialogueTurn } from "@/lib/receptionist/dialogue/take-turn";
import type { Entities, Intent, Understanding } from "@/lib/receptionist/understanding";
import { createAppointment, createCustomer, createEmployee, createSalon, createService, uniquePhone } from "@/lib/testing/factories";

const DAY = [{ open: "09:00", close: "17:00" }];
const HOURS = { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: DAY, sun: [] };
const NOW = new Date("2030-04-09T16:00:00Z"); // Tue Apr 9, 12:00 EDT
const SATURDAY_MORNING = { text: "Saturday morning", start: new Date("2030-04-13T13:00:00Z"), end: new Date("2030-04-13T16:00:00Z"), precision: "part-of-day" as const };
const HOUR = 60 * 60_000;

let salon: { id: string; name: string; timeZone: string };
let maria: { id: string; name: string };
let ana: { id: string; name: string };
let cut: { id: string; name: string };

beforeAll(async () => {
  const created = await createSalon({ name: "Luxe", timeZone: "America/New_York", businessHours: HOURS, twilioNumber: uniquePhone() });
  salon = { id: created.id, name: created.name, timeZone: created.timeZone };
  maria = await createEmployee(salon.id, { name: "Maria", workingHours: HOURS });
  ana = await createEmployee(salon.id, { name: "Ana", workingHours: HOURS });
  cut = await createService(salon.id, { name: "Women's Cut", durationMinutes: 60, priceCents: 6500 });
  const color = await createService(salon.id, { name: "Color", durationMinutes: 120, priceCents: 12000 });
  await db.employeeService.createMany({
    data: [maria, ana].flatMap((e) => [cut, color].map((s) => ({ salonId: salon.id, employeeId: e.id, serviceId: s.id }))),
  });
});

const understood = (intent: Intent, entities: Entities = {}, language: Language = "en"): Understanding => ({ intent, confidence: 0.9, language, entities, engine: "test" });
const none = (language: Language = "en") => understood("NONE", {}, language);

let seq = 0;
async function newCustomer() {
  const customer = await createCustomer(salon.id);
  /** One text from this customer: what Bolt answers. */
  const say = (text: string, u: Understanding | null, opts: Partial<DialogueTurn> = {}) =>
    takeDialogueTurn({
      salon,
      medium: "text",
      key: dialogueKey.text(customer.id),
      customerId: customer.id,
      turnKey: `SM${++seq}`,
      text,
      understanding: u,
      language: u?.language ?? "en",
      now: NOW,
      ...opts,
    });
  return { customer, say };
}

const appointmentsOf = (customerId: string) => db.appointment.findMany({ where: { salonId: salon.id, customerId }, orderBy: { startsAt: "asc" } });

describe("booking", () => {
  it("offers Maria's Saturday-morning times, books the one picked, and plans its reminders", async () => {
    const { customer, say } = await newCustomer();
    const offer = await say("can I get a cut with Maria Saturday morning?", understood("BOOK", {
      service: { id: cut.id, name: cut.name, text: "cut" },
      stylist: { id: maria.id, name: "Maria", text: "Maria" },
      when: SATURDAY_MORNING,
    }));
    expect(offer).toMatchObject({ outcome: "offered", expectsReply: true });
    expect(offer!.say).toBe("For a Women's Cut we have: 1) Sat Apr 13 at 9:00 AM with Maria, 2) Sat Apr 13 at 10:00 AM with Maria, 3) Sat Apr 13 at 11:00 AM with Maria. Reply 1, 2 or 3.");
    expect(offer!.events[0]).toMatchObject({ kind: "SLOTS_OFFERED", detail: { service: "Women's Cut" } });

    const booked = await say("2", none());
    expect(booked).toMatchObject({ outcome: "booked", say: "You're booked: Women's Cut with Maria on Sat Apr 13 at 10:00 AM. See you then!" });
    const [appointment, ...others] = await appointmentsOf(customer.id);
    expect(others).toEqual([]);
    expect(appointment).toMatchObject({ employeeId: maria.id, serviceId: cut.id, startsAt: new Date("2030-04-13T14:00:00Z"), status: "BOOKED" });
    expect(await db.notification.count({ where: { salonId: salon.id, appointmentId: appointment!.id, kind: "REMINDER", status: "QUEUED" } })).toBe(2);
    // "1" again (a double send) repeats the answer and books nothing more.
    expect((await say("2", none()))!.say).toBe(booked!.say);
    expect(await appointmentsOf(customer.id)).toHaveLength(1);
  });

  it("asks for the service, then who and when, and takes 'the first one' with anyone free", async () => {
    const { customer, say } = await newCustomer();
    expect((await say("I'd like to book", understood("BOOK")))!.say).toBe("Which service would you like? We offer: Women's Cut, Color.");
    expect((await say("a cut", understood("NONE", { service: { id: cut.id, name: cut.name, text: "cut" } })))!.say).toBe(
      "Who would you like (Ana, Maria, or anyone), and what day and time suit you?",
    );
    const offer = await say("whoever, saturday morning", understood("NONE", { stylist: { anyone: true, text: "whoever" }, when: SATURDAY_MORNING }));
    expect(offer!.say).toBe("For a Women's Cut we have: 1) Sat Apr 13 at 9:00 AM with Ana, 2) Sat Apr 13 at 10:00 AM with Ana, 3) Sat Apr 13 at 11:00 AM with Ana. Reply 1, 2 or 3.");
    expect(await say("the first one", none())).toMatchObject({ outcome: "booked" });
    expect(await appointmentsOf(customer.id)).toMatchObject([{ employeeId: ana.id, startsAt: SATURDAY_MORNING.start }]);
  });

  it("answers in Spanish and takes a pick by clock time", async () => {
    const { customer, say } = await newCustomer();
    const offer = await say("quiero un corte con Maria el viernes por la mañana", understood("BOOK", {
      service: { id: cut.id, name: cut.name, text: "corte" },
      stylist: { id: maria.id, name: "Maria", text: "Maria" },
      when: { text: "el viernes por la mañana", start: new Date("2030-04-12T13:00:00Z"), end: new Date("2030-04-12T16:00:00Z"), precision: "part-of-day" },
    }, "es"));
    expect(offer!.say).toBe("Para Women's Cut tenemos: 1) vie 12 de abr a las 9:00 con Maria, 2) vie 12 de abr a las 10:00 con Maria, 3) vie 12 de abr a las 11:00 con Maria. Responda 1, 2 o 3.");
    const booked = await say("a las 11", none("es"));
    expect(booked!.say).toBe("¡Listo! Tiene Women's Cut con Maria el vie 12 de abr a las 11:00.");
    expect(await appointmentsOf(customer.id)).toMatchObject([{ startsAt: new Date("2030-04-12T15:00:00Z") }]);
  });

  it("the same pick delivered 5× at once books one appointment and gives five sane answers", async () => {
    const { customer, say } = await newCustomer();
    await say("a cut with Maria saturday morning", understood("BOOK", { service: { id: cut.id, name: cut.name, text: "cut" }, stylist: { id: maria.id, name: "Maria", text: "Maria" }, when: SATURDAY_MORNING }));
    const turnKey = `SM${++seq}`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => say("1", none(), { turnKey })));
    expect(new Set(answers.map((a) => a!.say))).toEqual(new Set(["You're booked: Women's Cut with Maria on Sat Apr 13 at 9:00 AM. See you then!"]));
    expect(await appointmentsOf(customer.id)).toHaveLength(1);
  });

  it("offers a fresh choice when the slot was taken since, and calls an old offer stale", async () => {
    const { customer, say } = await newCustomer();
    const when = { ...SATURDAY_MORNING, start: new Date("2030-04-13T19:00:00Z"), end: new Date("2030-04-13T21:00:00Z") }; // 3–5 PM
    await say("a cut with Ana saturday afternoon", understood("BOOK", { service: { id: cut.id, name: cut.name, text: "cut" }, stylist: { id: ana.id, name: "Ana", text: "Ana" }, when }));
    await createAppointment(salon.id, { employeeId: ana.id, serviceId: cut.id, startsAt: when.start, endsAt: new Date(when.start.getTime() + HOUR) });
    const again = await say("1", none());
    expect(again!.say).toBe("Sorry, that time was just taken. For a Women's Cut we have: 1) Sat Apr 13 at 4:00 PM with Ana. Reply 1.");
    const later = new Date(NOW.getTime() + 25 * HOUR);
    expect(await say("1", none(), { now: later })).toMatchObject({ outcome: "stale", say: "That offer has expired. Text us what you'd like to book and we'll find a new time." });
    expect(await appointmentsOf(customer.id)).toEqual([]);
  });
  it("with nothing free when asked, offers the nearest times and the waitlist, and joins it on that number", async () => {
    const { customer, say } = await newCustomer();
    const sunday = { text: "Sunday", start: new Date("2030-04-14T04:00:00Z"), end: new Date("2030-04-15T04:00:00Z"), precision: "day" as const };
    const offer = await say("a cut with Ana on Sunday", understood("BOOK", { service: { id: cut.id, name: cut.name, text: "cut" }, stylist: { id: ana.id, name: "Ana", text: "Ana" }, when: sunday }));
    expect(offer!.say).toBe(
      "Nothing is free then. The nearest: For a Women's Cut we have: 1) Mon Apr 15 at 9:00 AM with Ana, 2) Mon Apr 15 at 10:00 AM with Ana, 3) Mon Apr 15 at 11:00 AM with Ana. Reply 1, 2 or 3. Or 4 to join the waitlist.",
    );
    expect(await say("4", none())).toMatchObject({ outcome: "waitlisted", say: "You're on the waitlist. We'll text you if a time opens up." });
    expect(await db.waitlistEntry.findMany({ where: { salonId: salon.id, customerId: customer.id } })).toMatchObject([{ serviceId: cut.id, employeeId: ana.id }]);
    expect(await appointmentsOf(customer.id)).toEqual([]);
  });
});

describe("moving and cancelling", () => {
  const at = (iso: string) => new Date(iso);

  it("moves to a free time asked for after a confirm step naming the appointment, and re-plans reminders", async () => {
    const { customer, say } = await newCustomer();
    const a = await createAppointment(salon.id, { customerId: customer.id, employeeId: maria.id, serviceId: cut.id, startsAt: at("2030-04-11T14:00:00Z"), endsAt: at("2030-04-11T15:00:00Z") });
    const thursday4 = { text: "Thursday at 4", start: at("2030-04-11T20:00:00Z"), end: at("2030-04-11T20:01:00Z"), precision: "time" as const };
    const ask = await say("Can we move it to Thursday at 4?", understood("RESCHEDULE", { when: thursday4 }));
    expect(ask!.say).toBe("Reply 1 to move your Women's Cut with Maria on Thu Apr 11 at 10:00 AM to Thu Apr 11 at 4:00 PM, or 2 to keep it.");
    expect(ask!.say).not.toMatch(/\bYES\b|\bCANCEL\b/);
    const moved = await say("1", none());
    expect(moved).toMatchObject({ outcome: "moved", say: "Done: your appointment is now Women's Cut with Maria on Thu Apr 11 at 4:00 PM." });
    expect(moved!.events[0]).toMatchObject({ kind: "APPOINTMENT_MOVED", detail: { from: "2030-04-11T14:00:00.000Z", startsAt: "2030-04-11T20:00:00.000Z" } });
    expect(await db.appointment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ startsAt: thursday4.start });
    expect(await db.notification.findMany({ where: { appointmentId: a.id, kind: "REMINDER", status: "QUEUED" }, select: { scheduledFor: true } })).toHaveLength(2);
  });

  it("asks which of several, confirms the cancellation by number, and keeps one on 2", async () => {
    const { customer, say } = await newCustomer();
    const first = await createAppointment(salon.id, { customerId: customer.id, employeeId: ana.id, serviceId: cut.id, startsAt: at("2030-04-10T14:00:00Z"), endsAt: at("2030-04-10T15:00:00Z") });
    const second = await createAppointment(salon.id, { customerId: customer.id, employeeId: ana.id, serviceId: cut.id, startsAt: at("2030-04-12T14:00:00Z"), endsAt: at("2030-04-12T15:00:00Z") });
    expect((await say("I need to cancel my appointment", understood("CANCEL")))!.say).toBe(
      "Which appointment would you like to cancel? 1) Women's Cut with Ana on Wed Apr 10 at 10:00 AM, 2) Women's Cut with Ana on Fri Apr 12 at 10:00 AM. Reply 1 or 2.",
    );
    expect((await say("2", none()))!.say).toBe("Reply 1 to cancel your Women's Cut with Ana on Fri Apr 12 at 10:00 AM, or 2 to keep it.");
    expect(await say("1", none())).toMatchObject({ outcome: "cancelled", say: "Done: your Women's Cut with Ana on Fri Apr 12 at 10:00 AM is cancelled." });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("CANCELLED");
    await say("cancel it", understood("CANCEL"));
    expect(await say("2", none())).toMatchObject({ outcome: "kept" });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("BOOKED");
  });

  it("says so when there is nothing to change, and leaves words outside a dialogue to the channel", async () => {
    const { say } = await newCustomer();
    expect(await say("move my appointment", understood("RESCHEDULE"))).toMatchObject({ outcome: "nothing_to_change", expectsReply: false });
    expect(await say("thanks!", none())).toBeNull();
  });
});
