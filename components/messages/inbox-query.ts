// The inbox's URL (?q=ava&unreadOnly=true&followUp=open&assignee=me&cursor=…) read with the conversations API's own schema
// through readSearchParams: a bad value in a hand-edited link is left out and the panel says so.
import { readSearchParams, type RawSearchParams } from "@/lib/url-state";
import { listConversationsQuerySchema, type ListConversationsQuery } from "@/lib/validations/conversations";

export const INBOX_PAGE_SIZE = 30;

export type InboxQuery = ListConversationsQuery & {
  /** q and the filter (unreadOnly, followUp, assignee) as a query string, kept on the inbox's links (the cursor is not: it's one page). */
  listQuery: string;
  /** Some parameter couldn't be read and was dropped. */
  ignored: boolean;
};

export function parseInboxQuery(raw: RawSearchParams): InboxQuery {
  // The conversation page's ?before= is the thread's (parseThreadBefore): unknown here, so ignored.
  const { query, dropped } = readSearchParams(listConversationsQuerySchema, raw, { limit: INBOX_PAGE_SIZE });
  const list = new URLSearchParams();
  if (query.q) list.set("q", query.q);
  if (query.unreadOnly) list.set("unreadOnly", "true");
  if (query.followUp) list.set("followUp", query.followUp);
  if (query.assignee) list.set("assignee", query.assignee);
  return { ...query, listQuery: list.toString(), ignored: dropped.length > 0 };
}
