// The Calls page's query: numbered pages, sortable columns, totals, salon scoping; a call's timeline.
import { describe, expect, it } from "vitest";
import { callOutcomeOf } from "@/lib/calls/call-outcome";
import { getCallLog } from "@/lib/calls/get-call-log";
import { missedCallKey } from "@/lib/calls/notification-keys";
import { formatPhone } from "@/lib/phone";
import { listCallLogs, listCallLogsPage } from "@/lib/calls/queries";
import { createCallLog, createNotification, createSalon } from "@/lib/testing/factories";
import { callLogsPageQuerySchema, listCallLogsQuerySchema } from "@/lib/validations/calls";

describe("listCallLogsPage", () => {
  it("sorts by any column, pages with a total, and sees only its salon", async () => {
    const salonId = (await createSalon()).id;
    const other = (await createSalon()).id;
    await createCallLog(other, { durationSeconds: 999 });
    for (const [i, duration] of [30, null, 10, 20].entries()) {
      await createCallLog(salonId, { durationSeconds: duration, startedAt: new Date(Date.UTC(2026, 4, 1, 12, i)) });
    }
    const byDuration = await listCallLogsPage(salonId, callLogsPageQuerySchema.parse({ sort: "durationSeconds", dir: "desc", pageSize: "5" }));
    expect(byDuration.rows.map((r) => r.durationSeconds)).toEqual([30, 20, 10, null]);
    expect(byDuration).toMatchObject({ total: 4, page: 1, pageCount: 1 });

    const second = await listCallLogsPage(salonId, callLogsPageQuerySchema.parse({ sort: "startedAt", dir: "asc", pageSize: "5", page: "1" }));
    expect(second.rows.map((r) => r.durationSeconds)).toEqual([30, null, 10, 20]);
    // Junk in the page's searchParams falls back to defaults instead of failing the page.
    expect(callLogsPageQuerySchema.parse({ sort: "password", page: "-3", dir: "sideways" })).toMatchObject({ sort: "startedAt", page: 1, dir: "desc" });
  });

  it("gives each listed call what its outcome needs: a transcript without a recording is a voicemail, not missed", async () => {
    const salonId = (await createSalon()).id;
    // The transcript arrived; the recording callback hasn't (yet).
    await createCallLog(salonId, { status: "COMPLETED", reason: "VOICEMAIL", transcription: "Hi, it's Dana.", endedAt: new Date() });
    const page = await listCallLogsPage(salonId, callLogsPageQuerySchema.parse({ outcome: "VOICEMAIL" }));
    expect(page.rows.map((row) => callOutcomeOf(row))).toEqual(["VOICEMAIL"]);
    const api = await listCallLogs(salonId, listCallLogsQuerySchema.parse({ outcome: "VOICEMAIL" }));
    expect(api.data.map((row) => callOutcomeOf(row))).toEqual(["VOICEMAIL"]);
  });

  it("drops an old link's ?status= (the page filters by outcome and has no control to clear it)", () => {
    const query = callLogsPageQuerySchema.parse({ status: "NO_ANSWER", outcome: "MISSED" });
    expect(query).toMatchObject({ outcome: "MISSED" });
    expect(query).not.toHaveProperty("status");
  });
});

describe("getCallLog", () => {
  it("puts the call, its voicemail and its missed-call text on one timeline", async () => {
    const salonId = (await createSalon()).id;
    const call = await createCallLog(salonId, {
      startedAt: new Date("2026-04-01T16:00:00Z"),
      endedAt: new Date("2026-04-01T16:01:00Z"),
      status: "COMPLETED",
      recordingSid: `RE${"b".repeat(32)}`,
      recordingDurationSeconds: 25,
      missedCallTextAt: new Date("2026-04-01T16:01:01Z"),
    });
    await createNotification(salonId, {
      kind: "MISSED_CALL",
      status: "CANCELED",
      failureReason: "The caller left a voicemail.",
      idempotencyKey: missedCallKey(call),
      createdAt: new Date("2026-04-01T16:01:01Z"),
    });
    const detail = await getCallLog(salonId, call.id);
    // A call logged before its events were recorded still shows its voicemail, at the end of the call.
    expect(detail.timeline.map((e) => e.label)).toEqual([
      `Call from ${formatPhone(call.from)}`,
      "Bolt answered with the greeting",
      "Voicemail left (25s)",
      "Call ended",
      "Missed-call text not sent: The caller left a voicemail.",
    ]);
    await expect(getCallLog((await createSalon()).id, call.id)).rejects.toMatchObject({ status: 404 });
  });
});
