// The inbox's URL (?q=ava&unreadOnly=true&cursor=…) read with the conversations API's own schema;
// a bad value in a hand-edited link is dropped rather than turned into an error page.
import type { RawSearchParams } from "@/lib/url-state";
import { listConversationsQuerySchema, type ListConversationsQuery } from "@/lib/validations/conversations";

export const INBOX_PAGE_SIZE = 30;
const KEYS = ["q", "unreadOnly", "cursor"] as const;

export type InboxQuery = ListConversationsQuery & {
  /** q and unreadOnly as a query string, kept on the inbox's links (the cursor is not: it's one page). */
  listQuery: string;
};

export function parseInboxQuery(raw: RawSearchParams): InboxQuery {
  const picked: Record<string, string> = {};
  for (const key of KEYS) {
    const value = raw[key];
    if (typeof value === "string" && value) picked[key] = value;
  }
  let parsed = listConversationsQuerySchema.safeParse({ ...picked, limit: INBOX_PAGE_SIZE });
  if (!parsed.success) {
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    const kept = Object.fromEntries(Object.entries(picked).filter(([key]) => !bad.has(key)));
    parsed = listConversationsQuerySchema.safeParse({ ...kept, limit: INBOX_PAGE_SIZE });
  }
  const query: ListConversationsQuery = parsed.success
    ? parsed.data
    : { limit: INBOX_PAGE_SIZE, unreadOnly: false, q: undefined };
  const list = new URLSearchParams();
  if (query.q) list.set("q", query.q);
  if (query.unreadOnly) list.set("unreadOnly", "true");
  return { ...query, listQuery: list.toString() };
}
