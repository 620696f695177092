// Every keyword end to end: signed webhook → stored text → action → queued reply → delivery job →
// the real Twilio SDK → the stand-in. Case, spaces and punctuation variants included.
import { describe, expect, it } from "vitest";
import { replyToCustomer } from "@/lib/conversations/reply-to-customer";
import { db } from "@/lib/db";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { AUTO_REPLY_WINDOW_MS, DEFAULT_AUTO_REPLY } from "@/lib/messaging/auto-reply";
import { sendSms } from "@/lib/messaging/send-sms";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import { createAppointment, createService, uniquePhone } from "@/lib/testing/factories";
import {
  createSalonWithCustomer,
  deliveredTo,
  notificationsOf,
  textSalon,
} from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServers();

const DAY = 24 * 60 * 60 * 1000;
const ALWAYS_OPEN = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "00:00", close: "23:59" }]]));

const setup = (overrides: Parameters<typeof createTextingSalon>[1] = {}) =>
  createSalonWithCustomer(servers.standIn, { name: `Shear ${uniquePhone().slice(-4)}`, ...overrides });

/** What reached Twilio for this phone, after running the queued deliveries. */
const textsTo = (salonId: string, phone: string) => deliveredTo(servers.standIn, salonId, phone);

const consentOf = async (id: string) => db.customer.findUniqueOrThrow({ where: { id }, select: { smsConsent: true, optedOutAt: true } });

describe("STOP family", () => {
  it.each(["STOP", "stopall", "Unsubscribe", "cancel", "END", "quit", "  stop ", "Stop.", "STOP ALL!"])(
    "%j opts the customer out with exactly one confirmation",
    async (body) => {
      const { salon, customer } = await setup();
      await textSalon(salon, customer.phone, body);
      const consent = await consentOf(customer.id);
      expect(consent.smsConsent).toBe("OPTED_OUT");
      expect(consent.optedOutAt).not.toBeNull();
      expect(await textsTo(salon.id, customer.phone)).toEqual([`You're unsubscribed from ${salon.name} texts. Reply START to resubscribe.`]);
      // It waits for staff, unread: "Cancel" often means the appointment, not the texts.
      expect(await db.inboundMessage.findFirstOrThrow({ where: { customerId: customer.id } })).toMatchObject({
        keyword: "STOP",
        readAt: null,
        processedAt: expect.any(Date),
      });
    },
  );

  it("a number texting for the first time with STOP gets just the confirmation (no opt-out footer)", async () => {
    const { salon } = await setup();
    const phone = uniquePhone();
    await textSalon(salon, phone, "STOP");
    expect(await db.customer.findUniqueOrThrow({ where: { salonId_phone: { salonId: salon.id, phone } } })).toMatchObject({
      isNew: true,
      smsConsent: "OPTED_OUT",
    });
    expect(await textsTo(salon.id, phone)).toEqual([`You're unsubscribed from ${salon.name} texts. Reply START to resubscribe.`]);
  });

  it("after STOP no other text from the salon is sent (queued before or sent after), until START", async () => {
    const { salon, customer } = await setup();
    const queuedBefore = await sendSms({ salonId: salon.id, kind: "REMINDER", body: "See you tomorrow", to: { customerId: customer.id } });
    await textSalon(salon, customer.phone, "stop");
    const after = await sendSms({ salonId: salon.id, kind: "CUSTOM", body: "We miss you", to: { customerId: customer.id } });
    await textSalon(salon, customer.phone, "Actually, one question");

    expect(await textsTo(salon.id, customer.phone)).toEqual([`You're unsubscribed from ${salon.name} texts. Reply START to resubscribe.`]);
    expect(await db.notification.findUniqueOrThrow({ where: { id: queuedBefore.id } })).toMatchObject({ status: "CANCELED" });
    expect(await db.notification.findUniqueOrThrow({ where: { id: after.id } })).toMatchObject({ status: "CANCELED" });
    // Both texts wait for staff; no auto-reply goes to an opted-out customer.
    expect((await notificationsOf(salon.id, customer.id)).filter((n) => n.kind === "AUTO_REPLY")).toHaveLength(0);
    expect(await db.inboundMessage.count({ where: { customerId: customer.id, readAt: null } })).toBe(2);
  });
});

describe("START family", () => {
  it.each(["START", "yes", " Unstop "])("%j opts back in with a reply, and texts flow again", async (body) => {
    const { salon, customer } = await setup();
    await db.customer.update({ where: { id: customer.id }, data: { smsConsent: "OPTED_OUT", optedOutAt: new Date() } });
    await textSalon(salon, customer.phone, body);
    expect(await consentOf(customer.id)).toEqual({ smsConsent: "OPTED_IN", optedOutAt: null });
    await sendSms({ salonId: salon.id, kind: "CUSTOM", body: "Welcome back", to: { customerId: customer.id } });
    expect(await textsTo(salon.id, customer.phone)).toEqual([
      `You're resubscribed to ${salon.name} texts. Reply STOP to opt out.`,
      `${salon.name}: Welcome back`,
    ]);
  });
});

describe("HELP family", () => {
  it.each(["HELP", "info", "Help?"])("%j answers with the salon's name, phone and how to opt out", async (body) => {
    const { salon, customer } = await setup({ phone: "+14155550142" });
    await textSalon(salon, customer.phone, body);
    expect(await textsTo(salon.id, customer.phone)).toEqual([`${salon.name}: questions? Call us at (415) 555-0142. Reply STOP to opt out.`]);
    // Answered completely: it doesn't wait for staff.
    expect(await db.inboundMessage.count({ where: { customerId: customer.id, readAt: null } })).toBe(0);
  });
});

describe("Spanish keywords", () => {
  it.each(["ALTO", "parar", "Detener"])("%j opts the customer out, answered in Spanish, and remembers Spanish", async (body) => {
    const { salon, customer } = await setup();
    await textSalon(salon, customer.phone, body);
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ smsConsent: "OPTED_OUT", language: "es" });
    expect(await textsTo(salon.id, customer.phone)).toEqual([`Ya no recibirá mensajes de ${salon.name}. Responda START para volver a recibirlos.`]);
  });

  it("AYUDA answers in Spanish; a later STOP from the same customer is answered in Spanish too", async () => {
    const { salon, customer } = await setup({ phone: "+14155550142" });
    await textSalon(salon, customer.phone, "Ayuda");
    await textSalon(salon, customer.phone, "STOP");
    expect(await textsTo(salon.id, customer.phone)).toEqual([
      `${salon.name}: ¿preguntas? Llámenos al (415) 555-0142. Responda ALTO para no recibir más mensajes.`,
      `Ya no recibirá mensajes de ${salon.name}. Responda START para volver a recibirlos.`,
    ]);
  });

  it("a Spanish-speaking customer's plain text gets the owner's Spanish auto-reply", async () => {
    const { salon, customer } = await setup({ autoReplyEs: "¡Hola! Le contestamos pronto." });
    await db.customer.update({ where: { id: customer.id }, data: { language: "es" } });
    await textSalon(salon, customer.phone, "hola, tienen citas el sábado?");
    expect(await textsTo(salon.id, customer.phone)).toEqual([`${salon.name}: ¡Hola! Le contestamos pronto.`]);
  });
});

describe("confirm", () => {
  it.each(["C", "c", "Y", " confirm "])("%j confirms the next upcoming BOOKED appointment and names it", async (body) => {
    const { salon, customer } = await setup({ timeZone: "America/Chicago" });
    const balayage = await createService(salon.id, { name: "Balayage" });
    const startsAt = new Date(Date.now() + 9 * DAY);
    const later = await createAppointment(salon.id, { customerId: customer.id, startsAt: new Date(Date.now() + 20 * DAY) });
    const past = await createAppointment(salon.id, { customerId: customer.id, startsAt: new Date(Date.now() - DAY) });
    const next = await createAppointment(salon.id, { customerId: customer.id, serviceId: balayage.id, startsAt });

    await textSalon(salon, customer.phone, body);
    const confirmed = await db.appointment.findUniqueOrThrow({ where: { id: next.id } });
    expect(confirmed.status).toBe("CONFIRMED");
    expect(confirmed.confirmedAt).not.toBeNull();
    for (const other of [later, past]) expect((await db.appointment.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("BOOKED");
    const when = describeAppointmentTime(startsAt, new Date(), "America/Chicago");
    expect(when).toMatch(/^on \w+day, \w{3} \d{1,2} at \d{1,2}:\d{2} [AP]M$/);
    expect(await textsTo(salon.id, customer.phone)).toEqual([`${salon.name}: Thanks! Your Balayage ${when} is confirmed.`]);
  });

  it("says so when there is no upcoming appointment", async () => {
    const { salon, customer } = await setup();
    await createAppointment(salon.id, { customerId: customer.id, startsAt: new Date(Date.now() + DAY), status: "CANCELLED" });
    await textSalon(salon, customer.phone, "C");
    expect(await textsTo(salon.id, customer.phone)).toEqual([
      `${salon.name}: We couldn't find an upcoming appointment to confirm. Reply here and someone will help you.`,
    ]);
  });

  it("says an already-confirmed appointment is confirmed", async () => {
    const { salon, customer } = await setup({ timeZone: "UTC" });
    const appt = await createAppointment(salon.id, { customerId: customer.id, status: "CONFIRMED", startsAt: new Date(Date.now() + 3 * DAY) });
    await textSalon(salon, customer.phone, "confirm");
    const when = describeAppointmentTime(appt.startsAt, new Date(), "UTC");
    expect(await textsTo(salon.id, customer.phone)).toEqual([`${salon.name}: Your appointment ${when} is already confirmed.`]);
  });

  it("an opted-out customer's C still confirms, but nothing is texted to them", async () => {
    const { salon, customer } = await setup();
    await db.customer.update({ where: { id: customer.id }, data: { smsConsent: "OPTED_OUT" } });
    const appt = await createAppointment(salon.id, { customerId: customer.id });
    await textSalon(salon, customer.phone, "C");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CONFIRMED");
    expect(await notificationsOf(salon.id)).toHaveLength(0);
  });
});

describe("reschedule", () => {
  it.each(["R", "reschedule", "r."])("%j notes the request, alerts staff and tells the customer", async (body) => {
    const forwardingPhone = uniquePhone();
    const { salon, customer } = await setup({ forwardingPhone, timeZone: "UTC" });
    const appt = await createAppointment(salon.id, { customerId: customer.id, startsAt: new Date(Date.now() + 2 * DAY) });
    await textSalon(salon, customer.phone, body);

    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).rescheduleRequestedAt).not.toBeNull();
    const alert = (await notificationsOf(salon.id)).find((n) => n.kind === "STAFF_ALERT");
    expect(alert).toMatchObject({ recipientKind: "OTHER", destination: forwardingPhone, appointmentId: appt.id });
    expect(alert?.body).toContain(`Jane Doe`);
    expect(await textsTo(salon.id, customer.phone)).toEqual([`${salon.name}: Got it! Someone from the salon will text you back to find a new time.`]);
    expect(await textsTo(salon.id, forwardingPhone)).toHaveLength(1);
    // The request waits for staff.
    expect(await db.inboundMessage.count({ where: { customerId: customer.id, readAt: null } })).toBe(1);
  });

  it("without a forwarding phone only the customer is answered, and the request waits unread in Messages", async () => {
    const { salon, customer } = await setup();
    await createAppointment(salon.id, { customerId: customer.id });
    await textSalon(salon, customer.phone, "R");
    expect((await notificationsOf(salon.id)).map((n) => n.kind)).toEqual(["APPOINTMENT_REPLY"]);
    expect(await db.inboundMessage.findFirstOrThrow({ where: { customerId: customer.id } })).toMatchObject({ keyword: "RESCHEDULE", readAt: null });
  });
});

describe("anything else: the auto-reply", () => {
  it("answers with the salon's text and today's hours, once per 12 hours; the texts wait for staff", async () => {
    const { salon, customer } = await setup({ autoReply: "Thanks for texting! A stylist will reply soon.", businessHours: ALWAYS_OPEN, timeZone: "UTC" });
    await textSalon(salon, customer.phone, "Do you have anything Saturday?");
    await textSalon(salon, customer.phone, "Any time works");
    const [first, ...rest] = await textsTo(salon.id, customer.phone);
    expect(rest).toHaveLength(0);
    expect(first).toBe(`${salon.name}: Thanks for texting! A stylist will reply soon. We're open today until 11:59 PM.`);
    expect(await db.inboundMessage.count({ where: { customerId: customer.id, readAt: null } })).toBe(2);

    // Twelve hours later the next text starts a new conversation.
    await db.notification.updateMany({
      where: { salonId: salon.id, kind: "AUTO_REPLY" },
      data: { createdAt: new Date(Date.now() - AUTO_REPLY_WINDOW_MS - 60_000) },
    });
    await textSalon(salon, customer.phone, "Hello again");
    expect(await textsTo(salon.id, customer.phone)).toHaveLength(2);
  });

  it("is not sent while staff are texting with the customer: \"Thanks, see you then\" after a staff reply", async () => {
    const { salon, customer } = await setup();
    await replyToCustomer(salon.id, customer.id, "Saturday at 10 works!", undefined);
    await textSalon(salon, customer.phone, "Thanks, see you then");
    expect(await textsTo(salon.id, customer.phone)).toEqual([`${salon.name}: Saturday at 10 works!`]);
    expect(await db.inboundMessage.count({ where: { customerId: customer.id, readAt: null } })).toBe(1);
  });

  it("uses the default text and leaves hours out when the salon has none", async () => {
    const { salon, customer } = await setup();
    await textSalon(salon, customer.phone, "hi");
    expect(await textsTo(salon.id, customer.phone)).toEqual([`${salon.name}: ${DEFAULT_AUTO_REPLY}`]);
  });

  it("two different texts arriving together get one auto-reply", async () => {
    const { salon, customer } = await setup();
    await Promise.all([textSalon(salon, customer.phone, "one"), textSalon(salon, customer.phone, "two"), textSalon(salon, customer.phone, "three")]);
    expect(await textsTo(salon.id, customer.phone)).toHaveLength(1);
  });

  it("a word inside a sentence is not a keyword", async () => {
    const { salon, customer } = await setup();
    await textSalon(salon, customer.phone, "please don't stop the reminders");
    expect((await consentOf(customer.id)).smsConsent).toBe("OPTED_IN");
    expect((await notificationsOf(salon.id)).map((n) => n.kind)).toEqual(["AUTO_REPLY"]);
  });
});
