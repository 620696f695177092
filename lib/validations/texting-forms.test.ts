// The admin texting forms' schemas: what the pickers post, what the settings form posts, and the
// reading of the notifications table's URL.
import { describe, expect, it } from "vitest";
import { updateMessagingSettingsSchema } from "@/lib/validations/messaging-settings";
import { readSearchParams } from "@/lib/url-state";
import { notificationTableQuerySchema } from "@/lib/validations/notifications";
import { CHOOSE_RECIPIENT, sendTextFormSchema } from "@/lib/validations/send-text";

const issues = (r: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) => r.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

describe("sendTextFormSchema", () => {
  it("turns the picker's value into a recipient", () => {
    expect(sendTextFormSchema.parse({ to: "customer:c1", body: " Hi " })).toEqual({
      to: { customerId: "c1" },
      body: "Hi",
    });
    expect(sendTextFormSchema.parse({ to: "employee:e1", body: "Hi", toLabel: "Sam" }).to).toEqual({
      employeeId: "e1",
    });
    expect(sendTextFormSchema.parse({ to: "phone:(415) 555-0123", body: "Hi" }).to).toEqual({
      phone: "+14155550123",
    });
  });

  it("explains a missing recipient, a bad number and an empty message", () => {
    expect(issues(sendTextFormSchema.safeParse({ to: "", body: "" }))).toEqual([
      ["to", CHOOSE_RECIPIENT],
      ["body", "Write the message."],
    ]);
    expect(issues(sendTextFormSchema.safeParse({ to: "phone:12", body: "Hi" }))[0]?.[0]).toBe("to");
    expect(sendTextFormSchema.safeParse({ to: "customer:c1", body: "x".repeat(1601) }).success).toBe(false);
    expect(sendTextFormSchema.safeParse({ to: "customer:c1", body: "Hi", salonId: "other" }).success).toBe(
      false,
    );
  });
});

describe("updateMessagingSettingsSchema", () => {
  const base = {
    quietHoursEnabled: "on",
    quietHoursStart: "21:00",
    quietHoursEnd: "08:00",
    monthlySmsQuota: "1000",
  };

  it("stores hours as minutes, largest first, without blanks or duplicates", () => {
    const parsed = updateMessagingSettingsSchema.parse({
      ...base,
      reminderOffsetHours: ["2", "", "24", "1.5"],
    });
    expect(parsed).toMatchObject({
      reminderOffsetsMinutes: [1440, 120, 90],
      quietHoursStart: "21:00",
      autoConfirm: false,
    });
  });

  it("rejects duplicate, tiny or odd offsets, equal quiet times and a zero quota", () => {
    expect(
      issues(updateMessagingSettingsSchema.safeParse({ ...base, reminderOffsetHours: ["2", "2"] })),
    ).toEqual([["reminderOffsetHours", "Each reminder needs a different time."]]);
    expect(updateMessagingSettingsSchema.safeParse({ ...base, reminderOffsetHours: "0.1" }).success).toBe(
      false,
    );
    expect(updateMessagingSettingsSchema.safeParse({ ...base, reminderOffsetHours: "1.3" }).success).toBe(
      false,
    );
    expect(issues(updateMessagingSettingsSchema.safeParse({ ...base, quietHoursEnd: "21:00" }))[0]?.[0]).toBe(
      "quietHoursEnd",
    );
    expect(issues(updateMessagingSettingsSchema.safeParse({ ...base, monthlySmsQuota: "0" }))[0]?.[0]).toBe(
      "monthlySmsQuota",
    );
  });
});

describe("notificationTableQuerySchema", () => {
  it("falls back to the default size and order of a stale or edited link; an edited page cursor fails", () => {
    expect(notificationTableQuerySchema.parse({ size: "7", sort: "body", dir: "up" })).toEqual({
      size: 25,
      sort: "createdAt",
      dir: "desc",
      status: [],
      channel: [],
      kind: [],
      q: undefined,
      from: undefined,
      to: undefined,
      view: "sent",
    });
    // The page reads its parameters one by one (readSearchParams) and leaves out, and names, what fails.
    const edited = notificationTableQuerySchema.safeParse({ after: "not-a-cursor" });
    expect(edited.success ? [] : edited.error.issues.map((i) => i.path.join("."))).toEqual(["after"]);
  });

  it("reads a list in any case, comma-separated or repeated", () => {
    expect(notificationTableQuerySchema.parse({ status: ["failed,Undelivered", "SENT"] }).status).toEqual([
      "FAILED",
      "UNDELIVERED",
      "SENT",
    ]);
  });

  it("fails on a filter it can't read, so the page can leave it out and say so", () => {
    const page = readSearchParams(notificationTableQuerySchema, { status: "failed,nope", from: "2025-02-30", kind: "REMINDER" });
    expect(page.dropped).toEqual(["status", "from"]);
    expect(page.query).toMatchObject({ status: [], kind: ["REMINDER"] });
    expect(page.query.from).toBeUndefined();
  });
});
