// Building admin-table links (filters, sorting, paging) from the current query string. Client-safe.

export type RawSearchParams = Record<string, string | string[] | undefined>;

export function toSearchParams(raw: RawSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

/** `path?…` with `patch` applied: null/"" removes a parameter. Empty parameters are dropped so links stay short. */
export function hrefWith(
  path: string,
  current: URLSearchParams,
  patch: Record<string, string | number | null | undefined>,
): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  for (const key of [...new Set(next.keys())]) if (next.getAll(key).every((v) => v === "")) next.delete(key);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
