// The Calls page's URL read with the page's schema. A bad value in a hand-edited link is left out (and
// the page says which kind of problem it was) rather than turned into an error page.
import type { RawSearchParams } from "@/lib/url-state";
import { callLogsPageQuerySchema, type CallLogsPageQuery } from "@/lib/validations/calls";

export type CallsQuery = {
  query: CallLogsPageQuery;
  /** Some filter couldn't be read and was dropped. */
  ignored: boolean;
  /** `to` was before `from`; `to` was dropped. */
  reversedDates: boolean;
};

export function parseCallsQuery(raw: RawSearchParams): CallsQuery {
  let kept = raw;
  let ignored = false;
  let reversedDates = false;
  // zod checks the date order only once every field reads, so dropping a bad field can reveal a
  // reversed range: drop what fails until the rest reads.
  for (;;) {
    const parsed = callLogsPageQuerySchema.safeParse(kept);
    if (parsed.success) return { query: parsed.data, ignored, reversedDates };
    for (const issue of parsed.error.issues) {
      if (issue.code === "custom" && issue.params?.reversedDates === true) reversedDates = true;
      else ignored = true;
    }
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    const rest = Object.fromEntries(Object.entries(kept).filter(([key]) => !bad.has(key)));
    // An issue naming no field can't be dropped: fall back to no filters at all.
    if (Object.keys(rest).length === Object.keys(kept).length)
      return { query: callLogsPageQuerySchema.parse({}), ignored: true, reversedDates };
    kept = rest;
  }
}
