// The Calls page tells a backwards date range from an unreadable filter, and a blank one from neither.
import { describe, expect, it } from "vitest";
import { parseCallsQuery } from "@/components/calls/calls-query";

describe("parseCallsQuery", () => {
  it("drops an unreadable filter and a backwards `to` together instead of failing the page", () => {
    const parsed = parseCallsQuery({ from: "2026-03-09", to: "2026-03-08", outcome: "LOST" });
    expect(parsed).toMatchObject({ ignored: true, reversedDates: true, query: { from: "2026-03-09" } });
    expect(parsed.query.to).toBeUndefined();
    expect(parsed.query.outcome).toBeUndefined();
  });

  it("drops a backwards `to` and says the dates were reversed, not unreadable", () => {
    const parsed = parseCallsQuery({ from: "2026-03-09", to: "2026-03-08", outcome: "MISSED" });
    expect(parsed).toMatchObject({ ignored: false, reversedDates: true, query: { from: "2026-03-09", outcome: "MISSED" } });
    expect(parsed.query.to).toBeUndefined();
  });

  it("calls an unreadable date ignored, not reversed", () => {
    const parsed = parseCallsQuery({ from: "2026-03-09", to: "yesterday" });
    expect(parsed).toMatchObject({ ignored: true, reversedDates: false, query: { from: "2026-03-09" } });
    expect(parsed.query.to).toBeUndefined();
  });

  it("reads the blank fields the filter form sends without JavaScript as no filter, with no warning", () => {
    const parsed = parseCallsQuery({ q: "", outcome: "", reason: "", from: "", to: "2026-03-08" });
    expect(parsed).toMatchObject({ ignored: false, reversedDates: false, query: { to: "2026-03-08" } });
  });
});
