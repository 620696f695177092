// Recipient search for "Send text": customers and active employees of one salon, by name or digits.
import { describe, expect, it } from "vitest";
import { searchRecipients } from "@/lib/messaging/search-recipients";
import { createCustomer, createEmployee, createSalon } from "@/lib/testing/factories";

describe("searchRecipients", () => {
  it("finds customers and active employees by name or by digits typed any way", async () => {
    const salon = await createSalon();
    const ava = await createCustomer(salon.id, {
      name: "Ava Martinez",
      phone: "+14155552000",
      firstTextedAt: null,
    });
    await createCustomer(salon.id, {
      name: "Avalyn Stone",
      smsConsent: "OPTED_OUT",
      firstTextedAt: new Date(),
    });
    await createEmployee(salon.id, { name: "Dave Avalon", phone: null });
    await createEmployee(salon.id, { name: "Ava Former", active: false });

    const byName = await searchRecipients(salon.id, "ava");
    expect(byName.map((r) => [r.kind, r.name, r.optedOut])).toEqual([
      ["customer", "Ava Martinez", false],
      ["customer", "Avalyn Stone", true],
      ["employee", "Dave Avalon", false],
    ]);
    expect(byName[0]).toMatchObject({ id: ava.id, phone: "+14155552000", firstText: true });
    expect(byName[2]?.phone).toBeNull();

    const byDigits = await searchRecipients(salon.id, "(415) 555-2000");
    expect(byDigits.map((r) => r.id)).toEqual([ava.id]);
  });

  it("with no query lists recently active customers first", async () => {
    const salon = await createSalon();
    await createCustomer(salon.id, { name: "Quiet" });
    const recent = await createCustomer(salon.id, { name: "Zed Recent", lastMessageAt: new Date() });
    expect((await searchRecipients(salon.id, ""))[0]?.id).toBe(recent.id);
  });

  it("never returns another salon's people", async () => {
    const a = await createSalon();
    const b = await createSalon();
    await createCustomer(b.id, { name: "Other Salon Person", phone: "+14155559876" });
    await createEmployee(b.id, { name: "Other Salon Stylist" });
    expect(await searchRecipients(a.id, "other salon")).toEqual([]);
    expect(await searchRecipients(a.id, "9876")).toEqual([]);
    expect(await searchRecipients(a.id, "")).toEqual([]);
  });
});
