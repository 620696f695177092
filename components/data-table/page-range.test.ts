import { describe, expect, it } from "vitest";
import { pageRange } from "@/components/data-table/page-range";

describe("pageRange", () => {
  it("names the rows shown and the pages either side", () => {
    expect(pageRange(2, 25, 60)).toEqual({ shown: { first: 26, last: 50 }, pageCount: 3, previous: 1, next: 3 });
    expect(pageRange(3, 25, 60)).toEqual({ shown: { first: 51, last: 60 }, pageCount: 3, previous: 2, next: null });
    expect(pageRange(1, 25, 25)).toEqual({ shown: { first: 1, last: 25 }, pageCount: 1, previous: null, next: null });
  });

  it("sends a page past the end back to the last page and claims no rows", () => {
    expect(pageRange(9, 25, 60)).toEqual({ shown: null, pageCount: 3, previous: 3, next: null });
  });

  it("counts an empty list as one page", () => {
    expect(pageRange(1, 25, 0)).toEqual({ shown: null, pageCount: 1, previous: null, next: null });
  });
});
