// Settings → Phone & hours: the form's fields become the salon's columns (hours validated, the phone
// in E.164), webhooks see the change at once, and only the caller's salon changes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getSalonById } from "@/lib/salons/queries";
import { updatePhoneSettings } from "@/lib/salons/update-phone-settings";
import { findSalonByNumber } from "@/lib/telephony/find-salon-by-number";
import { createSalon, uniquePhone } from "@/lib/testing/factories";
import { phoneSettingsFormSchema } from "@/lib/validations/phone-settings";

function form(fields: Record<string, string>) {
  return { greeting: "", autoReply: "", bookingInstructions: "", forwardingPhone: "", ...fields };
}

describe("phoneSettingsFormSchema", () => {
  it("reads ticked days and their periods; unticked days are closed", () => {
    const parsed = phoneSettingsFormSchema.parse(
      form({
        greeting: "  Hi, you've reached Luxe.  ",
        greetingEs: " Hola, habla Luxe. ",
        forwardingPhone: "(415) 555-0199",
        "hours.mon.open": "on",
        "hours.mon.0.open": "13:00",
        "hours.mon.0.close": "19:00",
        "hours.mon.1.open": "09:00",
        "hours.mon.1.close": "12:00",
        "hours.mon.2.open": "",
        "hours.mon.2.close": "",
        // Times posted for a day left unticked are ignored.
        "hours.tue.0.open": "09:00",
        "hours.tue.0.close": "17:00",
      }),
    );
    expect(parsed).toEqual({
      greeting: "Hi, you've reached Luxe.",
      autoReply: null,
      greetingEs: "Hola, habla Luxe.",
      autoReplyEs: null,
      bookingInstructions: null,
      forwardingPhone: "+14155550199",
      businessHours: {
        mon: [
          { open: "09:00", close: "12:00" },
          { open: "13:00", close: "19:00" },
        ],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [],
      },
    });
  });

  it("reads a period closing at 00:00 as open until midnight (time inputs can't show 24:00)", () => {
    const parsed = phoneSettingsFormSchema.parse(
      form({ "hours.fri.open": "on", "hours.fri.0.open": "18:00", "hours.fri.0.close": "00:00" }),
    );
    expect(parsed.businessHours.fri).toEqual([{ open: "18:00", close: "24:00" }]);
  });

  it("points at the field that is wrong", () => {
    const result = phoneSettingsFormSchema.safeParse(
      form({
        forwardingPhone: "555",
        "hours.wed.open": "on",
        "hours.wed.0.open": "18:00",
        "hours.wed.0.close": "09:00",
        // Ticked open with no times: flagged, not silently closed.
        "hours.sat.open": "on",
        autoReply: "x".repeat(301),
      }),
    );
    expect(result.success).toBe(false);
    const paths = [...new Set(result.error?.issues.map((i) => i.path.join(".")))].sort();
    expect(paths).toEqual([
      "autoReply",
      "businessHours.sat.0.close",
      "businessHours.sat.0.open",
      "businessHours.wed.0.close",
      "forwardingPhone",
    ]);
  });
});

describe("updatePhoneSettings", () => {
  it("saves the settings and the next webhook lookup sees them", async () => {
    const number = uniquePhone();
    const salon = await createSalon({ twilioNumber: number, greeting: "Old greeting" });
    expect((await findSalonByNumber(number))?.greeting).toBe("Old greeting"); // now cached
    const input = phoneSettingsFormSchema.parse(
      form({
        greeting: "New greeting",
        bookingInstructions: "Book at example.com",
        "hours.fri.open": "on",
        "hours.fri.0.open": "10:00",
        "hours.fri.0.close": "18:00",
      }),
    );
    const savedAt = new Date("2026-12-09T19:00:00Z");
    await updatePhoneSettings(salon.id, input, savedAt);
    // The onboarding checklist's "opening hours" step.
    expect((await db.salon.findUniqueOrThrow({ where: { id: salon.id } })).businessHoursSetAt).toEqual(savedAt);
    expect(await getSalonById(salon.id)).toMatchObject({
      greeting: "New greeting",
      bookingInstructions: "Book at example.com",
      forwardingPhone: null,
      businessHours: expect.objectContaining({ fri: [{ open: "10:00", close: "18:00" }], mon: [] }),
    });
    expect((await findSalonByNumber(number))?.greeting).toBe("New greeting");
  });

  it("changes only the caller's salon", async () => {
    const a = await createSalon();
    const b = await createSalon({ greeting: "B's own", forwardingPhone: "+14155550111" });
    await updatePhoneSettings(a.id, phoneSettingsFormSchema.parse(form({ greeting: "A's new" })));
    const after = await db.salon.findUniqueOrThrow({ where: { id: b.id } });
    expect(after).toMatchObject({ greeting: "B's own", forwardingPhone: "+14155550111" });
  });
});
