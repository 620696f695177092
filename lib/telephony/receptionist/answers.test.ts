// The spoken answers' wording, including salons that have not filled in hours, address or prices.
import { describe, expect, it } from "vitest";
import { DEFAULT_BUSINESS_HOURS } from "@/lib/salons/business-hours";
import { configuredHours, speakAddress, speakHours, speakPrice, speakPrices } from "@/lib/telephony/receptionist/answers";

describe("spoken answers", () => {
  it("reads prices as the speech engine says money", () => {
    expect(speakPrice(6500)).toBe("$65");
    expect(speakPrice(6505)).toBe("$65.05");
    expect(speakPrice(0)).toBe("free");
    expect(speakPrices([{ name: "Trim", priceCents: 2000 }])).toBe("Here are our prices. Trim, $20.");
    const many = Array.from({ length: 10 }, (_, i) => ({ name: `S${i}`, priceCents: 1000 + i }));
    expect(speakPrices(many)).toContain("We offer more services too");
    expect(speakPrices([])).toContain("don't have our prices");
  });

  it("reads whatever address parts exist", () => {
    expect(speakAddress({ addressLine1: "1 Elm St", addressLine2: null, city: "Austin", region: "TX", postalCode: null })).toBe("We're at 1 Elm St, Austin, TX.");
    expect(speakAddress({ addressLine1: null, addressLine2: null, city: "Austin", region: null, postalCode: null })).toContain("don't have our address");
  });

  it("treats hours never filled in as unknown, not as closed", () => {
    const salon = { businessHours: {}, timeZone: "America/Chicago" };
    expect(speakHours(salon, new Date())).toBe(
      "Sorry, I don't have our opening hours on file yet. You can text this number or leave a message, and we'll get back to you.",
    );
    expect(configuredHours(salon)).toBeNull();
    expect(configuredHours({ businessHours: { mon: [{ open: "09:00", close: "10:00" }] } })).not.toBeNull();
  });

  it("says a closed week as closed, never 'Closed every day'", () => {
    const closedWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const spoken = speakHours({ businessHours: closedWeek, timeZone: "America/Chicago" }, new Date("2026-12-09T17:00:00Z"));
    expect(spoken).toBe(
      "We're closed at the moment, and we don't have opening hours set for the coming days. You can text this number or leave a message, and we'll get back to you.",
    );
  });

  it("says closed today with the next opening, then the week closed days last", () => {
    const salon = { businessHours: DEFAULT_BUSINESS_HOURS, timeZone: "America/Chicago" };
    // Sunday 2026-12-06 noon in Chicago, and Monday: closed, open Tuesday.
    expect(speakHours(salon, new Date("2026-12-06T18:00:00Z"))).toBe(
      "We're closed now; we open on Tuesday at 9 AM. Our hours are Tuesday to Saturday, 9 AM to 6 PM. We're closed Monday and Sunday.",
    );
    expect(speakHours(salon, new Date("2026-12-07T18:00:00Z"))).toMatch(/^We're closed now; we open tomorrow at 9 AM\. /);
    expect(speakHours(salon, new Date("2026-12-08T18:00:00Z"))).toMatch(/^We're open today until 6 PM\. /);
  });
});
