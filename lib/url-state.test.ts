// How a list page reads its URL: what a bad, blank, unknown or repeated parameter does.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readSearchParams } from "@/lib/url-state";

const schema = z
  .object({
    status: z.enum(["OPEN", "DONE"]).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    page: z.coerce.number().int().min(1).catch(1).default(1),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "to before from" });

describe("readSearchParams", () => {
  it("keeps what reads and reports nothing", () => {
    expect(readSearchParams(schema, { status: "OPEN", page: "2" })).toEqual({
      query: { status: "OPEN", page: 2 },
      dropped: [],
      issues: [],
    });
  });

  it("drops a value it can't read, keeps the rest and names what it dropped", () => {
    const reading = readSearchParams(schema, { status: "LOST", from: "2026-03-01" });
    expect(reading.query).toEqual({ from: "2026-03-01", page: 1 });
    expect(reading.dropped).toEqual(["status"]);
    expect(reading.issues.map((i) => i.path)).toEqual([["status"]]);
  });

  it("checks a rule across fields once the bad field is gone, and drops the field it names", () => {
    const reading = readSearchParams(schema, { status: "LOST", from: "2026-03-09", to: "2026-03-08" });
    expect(reading.query).toEqual({ from: "2026-03-09", page: 1 });
    expect(reading.dropped).toEqual(["status", "to"]);
    expect(reading.issues.map((i) => i.message)).toContain("to before from");
  });

  it("treats a blank parameter (an empty field of a GET form) as absent, not as bad", () => {
    expect(readSearchParams(schema, { status: "", from: "", page: "" })).toEqual({
      query: { page: 1 },
      dropped: [],
      issues: [],
    });
  });

  it("ignores a parameter the page doesn't know, even under a strict schema", () => {
    expect(readSearchParams(schema, { utm_source: "mail", status: "DONE" })).toEqual({
      query: { status: "DONE", page: 1 },
      dropped: [],
      issues: [],
    });
  });

  it("leaves a repeated parameter to the schema: one that takes a single value drops it", () => {
    expect(readSearchParams(schema, { status: ["OPEN", "DONE"] })).toMatchObject({ query: { page: 1 }, dropped: ["status"] });
  });

  it("never lets the link override a fixed value", () => {
    const sized = z.object({ limit: z.number(), q: z.string().optional() }).strict();
    expect(readSearchParams(sized, { limit: "500", q: "ava" }, { limit: 30 })).toEqual({
      query: { limit: 30, q: "ava" },
      dropped: [],
      issues: [],
    });
  });

  it("reads nothing from the link when a rule names no parameter", () => {
    const whole = z
      .object({ a: z.string().optional(), b: z.string().optional() })
      .refine((q) => !(q.a && q.b), { message: "a or b, not both" });
    const reading = readSearchParams(whole, { a: "1", b: "2" });
    expect(reading.query).toEqual({});
    expect(reading.dropped).toEqual(["a", "b"]);
  });
});

describe("readSearchParams with hostile parameters", () => {
  it("treats parameters named like built-ins as the link's own: unknown ones ignored, a fixed value not shadowed", () => {
    // Own keys, as a parsed query has them (a literal `__proto__:` would set the prototype instead).
    const link = Object.fromEntries([["toString", "1"], ["__proto__", "x"], ["constructor", "y"], ["hasOwnProperty", "z"], ["status", "OPEN"]]);
    expect(readSearchParams(schema, link)).toEqual({ query: { status: "OPEN", page: 1 }, dropped: [], issues: [] });
    expect(readSearchParams(schema, { valueOf: "3", page: "2" }, { page: 5 }).query).toEqual({ page: 5 });
  });

  it("drops a value with a NUL or an unpaired surrogate and names it", () => {
    const reading = readSearchParams(schema, { status: "OPEN\u0000", from: "2026-03-01", to: ["\ud800"] });
    expect(reading.query).toEqual({ from: "2026-03-01", page: 1 });
    expect(reading.dropped).toEqual(["status", "to"]);
  });
});
