import { describe, expect, it } from "vitest";
import { composeSmsBody, OPT_OUT_FOOTER, withOptOutFooter } from "@/lib/messaging/compose";
import { statusesBefore } from "@/lib/messaging/notification-status";
import { monthStart } from "@/lib/jobs/handlers/delivery-store";

describe("composeSmsBody", () => {
  it("prefixes the salon name unless the text already names it", () => {
    expect(composeSmsBody({ salonName: "Shear Joy", body: "See you at 3" })).toBe("Shear Joy: See you at 3");
    expect(composeSmsBody({ salonName: "Shear Joy", body: "shear joy here — see you at 3" })).toBe(
      "shear joy here — see you at 3",
    );
  });

  it("adds the opt-out line to a first text, once", () => {
    const body = composeSmsBody({ salonName: "Glow", body: "Hi", firstText: true });
    expect(body).toBe(`Glow: Hi\n${OPT_OUT_FOOTER}`);
    expect(withOptOutFooter(body)).toBe(body);
  });
});

describe("status order", () => {
  it("only moves forward; failures end it from any live state", () => {
    expect(statusesBefore("SENT")).toEqual(["QUEUED", "SENDING"]);
    expect(statusesBefore("DELIVERED")).toEqual(["QUEUED", "SENDING", "SENT"]);
    expect(statusesBefore("UNDELIVERED")).toEqual(["QUEUED", "SENDING", "SENT"]);
    expect(statusesBefore("QUEUED")).toEqual([]);
  });
});

describe("monthStart", () => {
  it("is midnight on the 1st in the salon's zone", () => {
    // 02:00 UTC on Dec 1 is still November in New York.
    expect(monthStart(new Date("2025-12-01T02:00:00Z"), "America/New_York").toISOString()).toBe(
      "2025-11-01T04:00:00.000Z",
    );
    expect(monthStart(new Date("2025-12-01T06:00:00Z"), "America/New_York").toISOString()).toBe(
      "2025-12-01T05:00:00.000Z",
    );
    expect(monthStart(new Date("2025-12-01T06:00:00Z"), "Asia/Tokyo").toISOString()).toBe(
      "2025-11-30T15:00:00.000Z",
    );
  });
});
