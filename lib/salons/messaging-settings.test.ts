// Settings → Messaging: saved to the salon, read back with this month's usage, one salon at a time.
import { describe, expect, it } from "vitest";
import { getMessagingSettings } from "@/lib/salons/get-messaging-settings";
import { updateMessagingSettings } from "@/lib/salons/update-messaging-settings";
import { createNotification, createSalon } from "@/lib/testing/factories";
import { updateMessagingSettingsSchema } from "@/lib/validations/messaging-settings";

describe("messaging settings", () => {
  it("saves what the form posts and reads it back", async () => {
    const salon = await createSalon();
    const input = updateMessagingSettingsSchema.parse({
      reminderOffsetHours: ["2", "48", "0.5"],
      quietHoursEnabled: "on",
      quietHoursStart: "22:00",
      quietHoursEnd: "07:30",
      autoConfirm: "on",
      monthlySmsQuota: "250",
    });
    await updateMessagingSettings(salon.id, input);
    expect(await getMessagingSettings(salon.id)).toMatchObject({
      reminderOffsetsMinutes: [2880, 120, 30],
      quietHoursStart: "22:00",
      quietHoursEnd: "07:30",
      autoConfirm: true,
      monthlySmsQuota: 250,
      smsUsedThisMonth: 0,
    });
  });

  it("turning quiet hours off stores equal times, which the sender reads as none", async () => {
    const salon = await createSalon();
    await updateMessagingSettings(salon.id, updateMessagingSettingsSchema.parse({ monthlySmsQuota: "10" }));
    const saved = await getMessagingSettings(salon.id);
    expect(saved.quietHoursStart).toBe(saved.quietHoursEnd);
    expect(saved).toMatchObject({ reminderOffsetsMinutes: [], autoConfirm: false });
  });

  it("counts this month's sent texts like the quota check does", async () => {
    const salon = await createSalon();
    const now = new Date();
    await createNotification(salon.id, { status: "DELIVERED", sentAt: now });
    await createNotification(salon.id, { status: "SENDING" });
    await createNotification(salon.id, { status: "FAILED" });
    await createNotification(salon.id, { status: "QUEUED" });
    expect((await getMessagingSettings(salon.id, now)).smsUsedThisMonth).toBe(2);
  });

  it("changes and counts only the caller's salon", async () => {
    const a = await createSalon();
    const b = await createSalon({ monthlySmsQuota: 1000 });
    await createNotification(b.id, { status: "DELIVERED", sentAt: new Date() });
    await updateMessagingSettings(a.id, updateMessagingSettingsSchema.parse({ monthlySmsQuota: "5" }));
    expect((await getMessagingSettings(b.id)).monthlySmsQuota).toBe(1000);
    expect((await getMessagingSettings(a.id)).smsUsedThisMonth).toBe(0);
  });
});
