// Walks a keyset-paged admin list (lib/api/page-cursors.ts) the way a person clicks through it; imported by tests only.
import { expect } from "vitest";
import { decodePageKey, type KeysetPage, type PageKey } from "@/lib/api/page-cursors";

export type Cursor = { after?: PageKey; before?: PageKey };

/**
 * Every page through Older links, then back through Newer links from the last: both walks must see the
 * same pages, and together the rows in `expected` order exactly once.
 */
export async function walkPages<T extends { id: string }>(read: (cursor: Cursor) => Promise<KeysetPage<T>>): Promise<string[]> {
  const key = (token: string) => decodePageKey(token) ?? undefined;
  const pages: string[][] = [];
  let page = await read({});
  expect(page.newer).toBeNull();
  for (;;) {
    pages.push(page.rows.map((r) => r.id));
    if (!page.older) break;
    page = await read({ after: key(page.older) });
  }
  const back = [pages.at(-1)!];
  while (page.newer) {
    page = await read({ before: key(page.newer) });
    back.unshift(page.rows.map((r) => r.id));
  }
  expect(back).toEqual(pages);
  return pages.flat();
}
