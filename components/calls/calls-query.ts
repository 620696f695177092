// The Calls page's URL read with the page's schema (readSearchParams: a bad value in a hand-edited link
// is left out and the rest kept), and which kind of problem the page should name.
import { readSearchParams, type RawSearchParams } from "@/lib/url-state";
import { callLogsPageQuerySchema, type CallLogsPageQuery } from "@/lib/validations/calls";

export type CallsQuery = {
  query: CallLogsPageQuery;
  /** Some filter couldn't be read and was dropped. */
  ignored: boolean;
  /** `to` was before `from`; `to` was dropped. */
  reversedDates: boolean;
};

export function parseCallsQuery(raw: RawSearchParams): CallsQuery {
  const { query, issues } = readSearchParams(callLogsPageQuerySchema, raw);
  const reversed = (issue: (typeof issues)[number]) => issue.code === "custom" && issue.params?.reversedDates === true;
  return { query, ignored: issues.some((i) => !reversed(i)), reversedDates: issues.some(reversed) };
}
