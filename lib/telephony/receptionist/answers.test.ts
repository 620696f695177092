// The spoken answers' wording, including salons that have not filled in hours, address or prices.
import { describe, expect, it } from "vitest";
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
});
