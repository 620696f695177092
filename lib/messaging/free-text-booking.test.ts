// Texts that are no keyword, end to end: the receptionist offers times, books, moves, cancels and confirms
// by text (signed webhook → stored text → dialogue → queued reply → the real Twilio SDK → the stand-in).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import { createAppointment, createEmployee, createService, uniquePhone } from "@/lib/testing/factories";
import { createSalonWithCustomer, deliveredTo, textSalon } from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServers();

const DAY = 24 * 60 * 60 * 1000;
const ALWAYS_OPEN = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "00:00", close: "23:59" }]]));

const setup = (overrides: Parameters<typeof createTextingSalon>[1] = {}) =>
  createSalonWithCustomer(servers.standIn, { name: `Shear ${uniquePhone().slice(-4)}`, ...overrides });

/** What reached Twilio for this phone, after running the queued deliveries. */
const textsTo = (salonId: string, phone: string) => deliveredTo(servers.standIn, salonId, phone);

describe("free text: the receptionist books, moves and cancels", () => {
  /** A salon open round the clock whose one stylist, Maria, does a Women's Cut (so there is always a slot soon). */
  async function bookableSetup(overrides: Parameters<typeof setup>[0] = {}) {
    const { salon, customer } = await setup({ businessHours: ALWAYS_OPEN, timeZone: "UTC", ...overrides });
    const maria = await createEmployee(salon.id, { name: "Maria", workingHours: ALWAYS_OPEN });
    const cut = await createService(salon.id, { name: "Women's Cut", durationMinutes: 60 });
    await db.employeeService.create({ data: { salonId: salon.id, employeeId: maria.id, serviceId: cut.id } });
    const say = async (body: string) => {
      const before = (await textsTo(salon.id, customer.phone)).length;
      await textSalon(salon, customer.phone, body);
      // Reminders of a booking soon go out with the delivery run too: only the answers are asked about here.
      const texts = (await textsTo(salon.id, customer.phone)).slice(before).map((t) => t.replace(`${salon.name}: `, ""));
      return texts.filter((t) => !/^(Reminder|Recordatorio)/.test(t));
    };
    const offered = async () => {
      const row = await db.receptionistDialogue.findFirstOrThrow({ where: { salonId: salon.id, customerId: customer.id } });
      return (row.state as { at: { slots: Array<{ startsAt: string }> } }).at.slots.map((s) => new Date(s.startsAt));
    };
    return { salon, customer, maria, cut, say, offered };
  }

  it("offers Maria's free times, books the one picked, plans reminders, and nothing waits for staff", async () => {
    // The salon is always open and in UTC: late in the day "tomorrow" is minutes away, and its 24 h and 2 h
    // reminders are already past (CI ran it at 23:12 UTC). A 5-minute one is ahead of any time offered.
    const { salon, customer, maria, cut, say, offered } = await bookableSetup({ reminderOffsetsMinutes: [1440, 120, 5] });
    const [offer, ...more] = await say("can I get a cut with Maria tomorrow?");
    expect(more).toEqual([]);
    expect(offer).toMatch(/^For a Women's Cut we have: 1\) .+ with Maria, 2\) .+ with Maria, 3\) .+ with Maria\. Reply 1, 2 or 3\.$/);
    const slots = await offered();
    const [booked] = await say("2");
    expect(booked).toMatch(/^You're booked: Women's Cut with Maria on .+\. See you then!$/);
    const [appointment, ...others] = await db.appointment.findMany({ where: { salonId: salon.id, customerId: customer.id } });
    expect(others).toEqual([]);
    expect(appointment).toMatchObject({ employeeId: maria.id, serviceId: cut.id, startsAt: slots[1], status: "BOOKED" });
    expect(await db.notification.count({ where: { appointmentId: appointment!.id, kind: "REMINDER" } })).toBeGreaterThan(0);
    expect(await db.inboundMessage.count({ where: { customerId: customer.id, readAt: null } })).toBe(0);
  });

  it("moves after an offer naming the appointment, and cancels after a confirm step (never asking for YES or CANCEL)", async () => {
    const { salon, customer, maria, cut, say, offered } = await bookableSetup();
    const appt = await createAppointment(salon.id, { customerId: customer.id, employeeId: maria.id, serviceId: cut.id, startsAt: new Date(Date.now() + 3 * DAY) });
    const [offer] = await say("Can I move my appointment?");
    expect(offer).toMatch(/^To move your Women's Cut with Maria on .+, we have: 1\) .+ Reply 1, 2 or 3\.$/);
    const [to] = await offered();
    expect(await say("1")).toEqual([expect.stringMatching(/^Done: your appointment is now Women's Cut with Maria on /)]);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).startsAt).toEqual(to);

    const [ask] = await say("I need to cancel my appointment");
    expect(ask).toMatch(/^Reply 1 to cancel your Women's Cut with Maria on .+, or 2 to keep it\.$/);
    expect(ask).not.toMatch(/\bYES\b|\bCANCEL\b/);
    expect(await say("1")).toEqual([expect.stringMatching(/^Done: your Women's Cut with Maria on .+ is cancelled\.$/)]);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CANCELLED");
    expect(await db.notification.count({ where: { appointmentId: appt.id, kind: "REMINDER", status: "QUEUED" } })).toBe(0);
  });

  it("answers a Spanish text in Spanish and remembers the customer's language", async () => {
    const { customer, say } = await bookableSetup();
    const [offer] = await say("Hola, quiero un corte con Maria mañana");
    expect(offer).toMatch(/^Para Women's Cut tenemos: 1\) .+ con Maria.+ Responda 1, 2 o 3\.$/);
    expect(await say("1")).toEqual([expect.stringMatching(/^¡Listo! Tiene Women's Cut con Maria el /)]);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).language).toBe("es");
  });

  it("'yes I'll be there' confirms the next appointment as C does", async () => {
    const { salon, customer, cut, say } = await bookableSetup();
    const appt = await createAppointment(salon.id, { customerId: customer.id, serviceId: cut.id, startsAt: new Date(Date.now() + 2 * DAY) });
    expect(await say("yes I'll be there")).toEqual([`Thanks! Your Women's Cut ${describeAppointmentTime(appt.startsAt, new Date(), "UTC")} is confirmed.`]);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CONFIRMED");
  });
});
