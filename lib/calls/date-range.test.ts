// The call filters' date bounds: which ranges are backwards before the salon's time zone is known (how the
// Calls page tells a backwards range from an unreadable date is in components/calls/calls-query.test.ts).
import { describe, expect, it } from "vitest";
import { isDateRangeReversed } from "@/lib/calls/date-range";
import { callLogsPageQuerySchema } from "@/lib/validations/calls";

describe("isDateRangeReversed", () => {
  it.each([
    [{ from: "2026-03-09", to: "2026-03-08" }, true],
    [{ from: "2026-03-08", to: "2026-03-08" }, false],
    [{ from: "2026-03-08T10:00:00Z", to: "2026-03-08T09:59:59Z" }, true],
    // The same instant written in two offsets is not backwards.
    [{ from: "2026-03-08T10:00:00Z", to: "2026-03-08T02:00:00-08:00" }, false],
    // A day and an instant: the instant's date as written.
    [{ from: "2026-03-09", to: "2026-03-08T23:00:00-08:00" }, true],
    [{ from: "2026-03-08", to: "2026-03-08T01:00:00-08:00" }, false],
    [{ from: "2026-03-08T20:00:00-08:00", to: "2026-03-08" }, false],
    [{ from: "2026-03-09T00:30:00-08:00", to: "2026-03-08" }, true],
    [{ from: "2026-03-09" }, false],
    [{ to: "2026-03-08" }, false],
  ])("%j → %s", (range, reversed) => {
    expect(isDateRangeReversed(range)).toBe(reversed);
  });
});

describe("callLogsPageQuerySchema", () => {
  it("puts a backwards range's message on `to`", () => {
    const result = callLogsPageQuerySchema.safeParse({ from: "2026-03-09", to: "2026-03-08" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["to", "to must be on or after from."]]);
    expect(callLogsPageQuerySchema.parse({ from: "2026-03-08", to: "2026-03-09" })).toMatchObject({ from: "2026-03-08", to: "2026-03-09" });
  });
});
