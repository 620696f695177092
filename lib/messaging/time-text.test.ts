import { describe, expect, it } from "vitest";
import { describeAppointmentTime, describeSendTime } from "@/lib/messaging/time-text";

describe("describeAppointmentTime", () => {
  it.each([
    // [startsAt, now, zone, expected]
    ["2026-06-15T19:30:00Z", "2026-06-15T13:00:00Z", "America/New_York", "today at 3:30 PM"],
    ["2026-06-16T14:00:00Z", "2026-06-15T13:00:00Z", "America/New_York", "tomorrow at 10:00 AM"],
    ["2026-12-04T19:00:00Z", "2026-11-30T15:00:00Z", "America/New_York", "on Friday, Dec 4 at 2:00 PM"],
    ["2027-01-05T19:00:00Z", "2026-12-20T15:00:00Z", "America/New_York", "on Tuesday, Jan 5, 2027 at 2:00 PM"],
    ["2026-06-14T16:00:00Z", "2026-06-15T13:00:00Z", "America/New_York", "yesterday at 12:00 PM"],
    ["2026-06-01T16:00:00Z", "2026-06-15T13:00:00Z", "America/New_York", "on Monday, Jun 1 at 12:00 PM"],
    // Calendar days, not 24-hour windows: 23:30 tonight is "today" even 23 hours away…
    ["2026-06-16T03:30:00Z", "2026-06-15T04:30:00Z", "America/New_York", "today at 11:30 PM"],
    // …and 00:30 after a 23:30 "now" is "tomorrow" though only an hour away.
    ["2026-06-16T04:30:00Z", "2026-06-16T03:30:00Z", "America/New_York", "tomorrow at 12:30 AM"],
    // 48 hours ahead but across a day boundary twice: not "tomorrow".
    ["2026-06-17T14:00:00Z", "2026-06-15T14:00:00Z", "America/New_York", "on Wednesday, Jun 17 at 10:00 AM"],
    // Spring forward (2026-03-08 is 23 hours long): Saturday 23:30 EST → Sunday 10:00 EDT is tomorrow.
    ["2026-03-08T14:00:00Z", "2026-03-08T04:30:00Z", "America/New_York", "tomorrow at 10:00 AM"],
    ["2026-03-09T03:30:00Z", "2026-03-08T05:30:00Z", "America/New_York", "today at 11:30 PM"], // 00:30 EST → 23:30 EDT
    // Fall back (2026-11-01 is 25 hours long): 00:15 EDT → 23:45 EST is still today, 24.5 hours later.
    ["2026-11-02T04:45:00Z", "2026-11-01T04:15:00Z", "America/New_York", "today at 11:45 PM"],
    ["2026-11-02T14:00:00Z", "2026-11-01T03:00:00Z", "America/New_York", "on Monday, Nov 2 at 9:00 AM"], // Sat 23:00 EDT
    ["2026-11-01T06:30:00Z", "2026-11-01T05:00:00Z", "America/New_York", "today at 1:30 AM"], // the second 01:30
    // Same instants, other zones.
    ["2026-06-15T19:30:00Z", "2026-06-15T13:00:00Z", "Europe/London", "today at 8:30 PM"],
    ["2026-06-15T19:30:00Z", "2026-06-15T13:00:00Z", "Australia/Sydney", "tomorrow at 5:30 AM"],
    ["2026-03-29T09:00:00Z", "2026-03-28T21:00:00Z", "Europe/London", "tomorrow at 10:00 AM"], // BST starts
    ["2026-10-04T23:00:00Z", "2026-10-03T13:00:00Z", "Australia/Sydney", "on Monday, Oct 5 at 10:00 AM"], // Sat 23:00 AEST → Mon AEDT
    // Year boundary in the salon's zone: it is already 2027 in Sydney.
    ["2027-01-02T23:00:00Z", "2026-12-31T14:00:00Z", "Australia/Sydney", "on Sunday, Jan 3 at 10:00 AM"],
    ["2027-01-02T23:00:00Z", "2026-12-31T12:00:00Z", "Australia/Sydney", "on Sunday, Jan 3, 2027 at 10:00 AM"],
  ])("%s (now %s, %s) → %s", (startsAt, now, tz, expected) => {
    expect(describeAppointmentTime(new Date(startsAt), new Date(now), tz)).toBe(expected);
  });

  it("accepts ISO strings and throws on a bad zone", () => {
    expect(describeAppointmentTime("2026-06-15T19:30:00Z", "2026-06-15T13:00:00Z", "UTC")).toBe("today at 7:30 PM");
    expect(() => describeAppointmentTime(new Date(), new Date(), "Bad/Zone")).toThrow(RangeError);
  });

  it("uses only GSM-7 characters (keeps reminders in the cheap encoding)", () => {
    const text = describeAppointmentTime("2026-12-04T19:00:00Z", "2026-11-30T15:00:00Z", "America/New_York");
    expect(text).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe("describeSendTime", () => {
  it.each([
    // [at, now, zone, sentence, short]
    ["2026-06-15T19:30:00Z", "2026-06-15T13:00:00Z", "America/New_York", "at 3:30 PM", "3:30 PM"],
    ["2026-06-16T12:00:00Z", "2026-06-15T13:00:00Z", "America/New_York", "tomorrow at 8:00 AM", "tomorrow 8:00 AM"],
    ["2026-06-19T12:00:00Z", "2026-06-15T13:00:00Z", "America/New_York", "on Friday, Jun 19 at 8:00 AM", "Fri 8:00 AM"],
    // Calendar days on the salon's clock: an hour after 23:30 is tomorrow.
    ["2026-06-16T04:30:00Z", "2026-06-16T03:30:00Z", "America/New_York", "tomorrow at 12:30 AM", "tomorrow 12:30 AM"],
    ["2026-06-15T19:30:00Z", "2026-06-15T13:00:00Z", "Australia/Sydney", "tomorrow at 5:30 AM", "tomorrow 5:30 AM"],
  ])("%s (now %s, %s) → %s / %s", (at, now, tz, sentence, short) => {
    expect(describeSendTime(new Date(at), new Date(now), tz, "sentence")).toBe(sentence);
    expect(describeSendTime(new Date(at), new Date(now), tz, "short")).toBe(short);
  });
});
