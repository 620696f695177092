import { describe, expect, it } from "vitest";
import { composeSmsBody, OPT_OUT_FOOTER, withOptOutFooter } from "@/lib/messaging/compose";
import { statusesBefore } from "@/lib/messaging/notification-status";

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
