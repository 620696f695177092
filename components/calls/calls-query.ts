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
  const parsed = callLogsPageQuerySchema.safeParse(raw);
  if (parsed.success) return { query: parsed.data, ignored: false, reversedDates: false };
  const issues = parsed.error.issues;
  const bad = new Set(issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  const reversedDates = issues.some((i) => i.code === "custom" && i.params?.reversedDates === true);
  return { query: callLogsPageQuerySchema.parse(kept), ignored: !reversedDates || issues.length > 1, reversedDates };
}
