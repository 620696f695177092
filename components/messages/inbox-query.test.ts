// The inbox reads its link with the conversations API's schema: bad values are left out and flagged,
// the page size is its own, and the thread's ?before= is not the list's business.
import { describe, expect, it } from "vitest";
import { INBOX_PAGE_SIZE, parseInboxQuery } from "@/components/messages/inbox-query";

describe("parseInboxQuery", () => {
  it("keeps the search and the unread toggle on the inbox's links", () => {
    expect(parseInboxQuery({ q: "ava", unreadOnly: "true" })).toMatchObject({
      q: "ava",
      unreadOnly: true,
      limit: INBOX_PAGE_SIZE,
      listQuery: "q=ava&unreadOnly=true",
      ignored: false,
    });
  });

  it("keeps the follow-up filters (needs follow-up, assigned to me) on the links", () => {
    expect(parseInboxQuery({ followUp: "open", assignee: "me" })).toMatchObject({ followUp: "open", assignee: "me", listQuery: "followUp=open&assignee=me" });
    const bad = parseInboxQuery({ followUp: "later" });
    expect(bad).toMatchObject({ ignored: true, listQuery: "" });
    expect(bad.followUp).toBeUndefined();
  });

  it("leaves out a value it can't read, keeps the rest, and says so", () => {
    const parsed = parseInboxQuery({ q: "ava", unreadOnly: "maybe", cursor: "not-a-cursor" });
    expect(parsed).toMatchObject({ q: "ava", unreadOnly: false, ignored: true });
    expect(parsed.cursor).toBeUndefined();
    expect(parsed.listQuery).toBe("q=ava");
  });

  it("ignores the conversation page's ?before= and a ?limit= from the link", () => {
    expect(parseInboxQuery({ before: "2026-03-08T09:00:00Z", limit: "100" })).toMatchObject({
      limit: INBOX_PAGE_SIZE,
      ignored: false,
    });
  });
});
