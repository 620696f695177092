// Where a numbered page sits in a list: what the pager under Calls and Notifications says and links to.

type PageRange = {
  /** 1-based positions of the first and last rows shown ("Showing 26–50 of 120"); null past the end. */
  shown: { first: number; last: number } | null;
  pageCount: number;
  /** null where there is no such page. A page past the end goes back to the last page. */
  previous: number | null;
  next: number | null;
};

export function pageRange(page: number, pageSize: number, total: number): PageRange {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return {
    shown: page <= pageCount && total > 0 ? { first: (page - 1) * pageSize + 1, last: Math.min(total, page * pageSize) } : null,
    pageCount,
    previous: page > 1 ? Math.min(page - 1, pageCount) : null,
    next: page < pageCount ? page + 1 : null,
  };
}
