// The pure parts of reminders: which moments get a reminder, how it is worded, and the key format
// that lets the send-time check recognise a reminder made for an older appointment time.
import { describe, expect, it } from "vitest";
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
