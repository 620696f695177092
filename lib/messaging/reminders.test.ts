// The pure parts of reminders: which moments get a reminder, how it is worded, and the key format
// that lets the send-time check recognise a reminder made for an older appointment time.
import { describe, expect, it } from "vitest";
import type { AppointmentForMessaging } from "@/lib/appointments/get-appointment";
import { missedCallBody } from "@/lib/calls/missed-call-text";
import { bookingInfoText } from "@/lib/i18n/text-templates";
import { autoReplyBody } from "@/lib/messaging/auto-reply";
import { composeSmsBody, withOptOutFooter } from "@/lib/messaging/compose";
import { renderConfirmationBody } from "@/lib/messaging/confirmations";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import {
  describeBooking,
  reminderKey,
  reminderStartsAt,
  reminderTimes,
  renderReminderBody,
} from "@/lib/messaging/reminders";

const startsAt = new Date("2025-12-05T19:30:00Z"); // Fri 2:30 PM in New York

describe("reminderTimes", () => {
  it("keeps future, positive, distinct offsets, earliest moment first", () => {
    const now = new Date("2025-12-04T12:00:00Z"); // 2880 min before is past
    const times = reminderTimes(startsAt, [120, 1440, 1440, 0, -5, 2880], now);
    expect(times.map((t) => t.offsetMinutes)).toEqual([1440, 120]);
    expect(times.map((t) => t.at.toISOString())).toEqual([
      "2025-12-04T19:30:00.000Z",
      "2025-12-05T17:30:00.000Z",
    ]);
  });

  it("returns nothing when every moment has passed", () => {
    expect(reminderTimes(startsAt, [1440, 120], new Date("2025-12-05T18:00:00Z"))).toEqual([]);
  });
});

describe("wording", () => {
  it("names the service, the stylist and the time in the salon's zone", () => {
    const w = {
      salonName: "Shear Joy",
      timeZone: "America/New_York",
      serviceName: "Haircut",
      employeeName: "Ana",
      startsAt,
    };
    expect(renderReminderBody(w, new Date("2025-12-05T13:00:00Z"))).toBe(
      "Shear Joy: Reminder: your Haircut appointment with Ana is today at 2:30 PM. Reply C to confirm or R to reschedule.",
    );
    expect(renderReminderBody(w, new Date("2025-12-04T13:00:00Z"))).toContain("is tomorrow at 2:30 PM.");
  });

  it("leaves out what the booking doesn't have", () => {
    expect(describeBooking({})).toBe("your appointment");
    expect(describeBooking({ employeeName: "Ana" })).toBe("your appointment with Ana");
    expect(describeBooking({ serviceName: "Color" })).toBe("your Color appointment");
  });
});

describe("reminder keys", () => {
  it("carry the appointment time they were made for", () => {
    const key = reminderKey("appt1", startsAt, 120, new Date(1_700_000_000_000));
    expect(key).toBe("reminder:appt1:2025-12-05T19:30:00.000Z:120:1700000000000");
    expect(reminderStartsAt(key)).toEqual(startsAt);
    expect(reminderStartsAt("api:reminder:whatever")).toBeNull();
    expect(reminderStartsAt(null)).toBeNull();
  });
});

// Every template Bolt sends a customer, in Spanish for a Spanish-speaking customer (English is above and
// in the keyword and delivery tests).
describe("Spanish", () => {
  const now = new Date("2025-12-04T15:00:00Z"); // Thu 10 AM in New York
  const w = { salonName: "Glow", timeZone: "America/New_York", serviceName: "Corte", employeeName: "Ana", startsAt, language: "es" as const };

  it("words reminders and confirmations in Spanish", () => {
    expect(renderReminderBody(w, now)).toBe(
      "Glow: Recordatorio: su cita de Corte con Ana es mañana a las 2:30 PM. Responda C para confirmar o R para cambiar la hora.",
    );
    const appointment = {
      salon: { name: "Glow", timeZone: "America/New_York" },
      service: { name: "Corte" },
      employee: null,
      customer: { language: "es" },
      startsAt: new Date("2025-12-04T18:00:00Z"),
    } as unknown as AppointmentForMessaging;
    expect(renderConfirmationBody(appointment, now)).toBe("Glow: Confirmada: su cita de Corte es hoy a la 1:00 PM. Responda R para cambiar la hora.");
    expect(describeAppointmentTime(new Date("2025-12-09T19:00:00Z"), now, "America/New_York", "es")).toBe("el martes 9 de dic a las 2:00 PM");
  });

  it("words the auto-reply, the missed-call text, booking info and the opt-out line in Spanish", () => {
    const salon = { id: "s", autoReply: "Thanks!", autoReplyEs: null, businessHours: {}, timeZone: "America/New_York" };
    expect(autoReplyBody(salon, now, "es")).toBe("¡Gracias por su mensaje! Le responderemos lo antes posible.");
    expect(autoReplyBody({ ...salon, autoReplyEs: " ¡Hola! " }, now, "es")).toBe("¡Hola!");
    expect(autoReplyBody(salon, now)).toBe("Thanks!");
    expect(missedCallBody("Glow", "es")).toBe("Sentimos no haber contestado su llamada a Glow. Responda aquí o vuelva a llamar y con gusto le ayudamos.");
    expect(bookingInfoText({ bookingInstructions: null }, "es")).toMatch(/^Para hacer una cita, responda a este mensaje/);
    const first = composeSmsBody({ salonName: "Glow", body: "Hola", firstText: true, language: "es" });
    expect(first).toBe("Glow: Hola\nResponda ALTO o STOP para no recibir más mensajes.");
    expect(withOptOutFooter(first)).toBe(first);
  });
});
