// Why a text is held back just before it goes out, per kind: the whole picture pinned in one table,
// and the way a kind's checks run (in order, the first cancel wins, a re-wording carries over).
import { describe, expect, it } from "vitest";
import type { NotificationKind } from "@/lib/generated/prisma/client";
import { isAllowedWhenOptedOut } from "@/lib/messaging/opt-out";
import { waitsForQuietHours } from "@/lib/messaging/quiet-hours";
import type { PreSendInput } from "@/lib/messaging/delivery/delivery-types";
import { CHECKS_BY_KIND, runKindChecks, type PreSendCheck } from "@/lib/messaging/delivery/pre-send-checks";

const APPOINTMENT_AT_THAT_TIME = "its appointment is still on, not started, at the time it was made for; worded for now";
const APPOINTMENT_ON = "its appointment is still on and not started; worded for now";
const CALLER_NOT_IN_TOUCH = "the caller hasn't got through since (answered call, voicemail or text)";

type Expected = { stopsWhenOptedOut: boolean; waitsForQuietHours: boolean; checks: string[] };
const unprompted = (checks: string[] = []): Expected => ({ stopsWhenOptedOut: true, waitsForQuietHours: true, checks });
const reply: Expected = { stopsWhenOptedOut: true, waitsForQuietHours: false, checks: [] };

const EXPECTED: Record<NotificationKind, Expected> = {
  REMINDER: unprompted([APPOINTMENT_AT_THAT_TIME]),
  CONFIRMATION: unprompted([APPOINTMENT_ON]),
  MISSED_CALL: unprompted([CALLER_NOT_IN_TOUCH]),
  CUSTOM: unprompted(),
  EMPLOYEE_BOOKING: unprompted(),
  STAFF_ALERT: unprompted(),
  WAITLIST_OFFER: unprompted(["its waitlist offer is still open: not taken by another answer, not expired"]),
  AUTO_REPLY: reply,
  APPOINTMENT_REPLY: reply,
  BOOKING_INFO: reply,
  // The answer to STOP/START/HELP reaches an opted-out customer, at any hour.
  KEYWORD_REPLY: { stopsWhenOptedOut: false, waitsForQuietHours: false, checks: [] },
  // A team member's alert: their own quiet hours schedule it when it is queued (lib/alerts/).
  MEMBER_ALERT: reply,
};

describe("the checks each kind of text passes before it goes out", () => {
  it("are the ones we expect, for every kind", () => {
    const actual = Object.fromEntries(
      (Object.keys(CHECKS_BY_KIND) as NotificationKind[]).map((kind) => [
        kind,
        {
          stopsWhenOptedOut: !isAllowedWhenOptedOut(kind),
          waitsForQuietHours: waitsForQuietHours(kind),
          checks: CHECKS_BY_KIND[kind].map((c) => c.name),
        },
      ]),
    );
    expect(actual).toEqual(EXPECTED);
  });
});

describe("runKindChecks", () => {
  const NOW = new Date("2026-03-15T12:00:00Z");
  const text = (id: string, kind: NotificationKind): PreSendInput => ({
    id,
    salonId: "salon",
    kind,
    body: `body ${id}`,
    destination: "+14155550100",
    appointmentId: null,
    customerId: null,
    employeeId: null,
    scheduledFor: null,
    createdAt: NOW,
    salon: { id: "salon", name: "Glow", timeZone: "UTC" },
    now: NOW,
  });
  const check = (name: string, decide: PreSendCheck["decide"]): PreSendCheck => ({ name, decide });
  const none = Object.fromEntries(Object.keys(CHECKS_BY_KIND).map((k) => [k, []])) as unknown as Record<
    NotificationKind,
    PreSendCheck[]
  >;

  it("runs a kind's checks in order on its texts only; a cancel stops the rest, a re-wording carries over", async () => {
    const seen: string[][] = [];
    const table = {
      ...none,
      REMINDER: [
        check("first", async (texts) => {
          seen.push(texts.map((t) => t.id));
          return texts.map((t) => (t.id === "r1" ? { cancel: "no longer wanted" } : { body: `reworded ${t.id}` }));
        }),
        check("second", async (texts) => {
          seen.push(texts.map((t) => t.id));
          return texts.map(() => ({}));
        }),
      ],
    };
    const decisions = await runKindChecks([text("c1", "CUSTOM"), text("r1", "REMINDER"), text("r2", "REMINDER")], table);
    expect(seen).toEqual([["r1", "r2"], ["r2"]]);
    expect(decisions).toEqual([{}, { cancel: "no longer wanted" }, { body: "reworded r2" }]);
  });

  it("refuses a check that doesn't answer for every text", async () => {
    const table = { ...none, CUSTOM: [check("sloppy", async () => [])] };
    await expect(runKindChecks([text("c1", "CUSTOM")], table)).rejects.toThrow('"sloppy" answered 0 of 1');
  });
});
