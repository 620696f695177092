"use client";
// Previous/next links and, where a list offers them, rows per page under a server-paged admin table
// (Calls, Notifications). Pages are just URLs, so back/forward and sharing work.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { pageRange } from "@/components/data-table/page-range";
import { Button } from "@/components/ui/button";
import { hrefWith } from "@/lib/url-state";

type Props = {
  page: number;
  pageSize: number;
  total: number;
  /** The page sizes offered and the parameter they set; without them the size is fixed. */
  pageSizes?: { options: readonly number[]; param: string };
};

function PageLink({ href, rel, children }: { href: string | null; rel: "prev" | "next"; children: React.ReactNode }) {
  if (!href) {
    return (
      <Button variant="outline" size="sm" disabled>
        {children}
      </Button>
    );
  }
  return (
    <Button asChild variant="outline" size="sm">
      <Link href={href} rel={rel} scroll={false}>
        {children}
      </Link>
    </Button>
  );
}

/** Nothing when the list is empty: the page shows its own empty state instead. */
export function Pagination({ page, pageSize, total, pageSizes }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  if (total === 0) return null;
  const { shown, pageCount, previous, next } = pageRange(page, pageSize, total);
  const href = (p: number | null) => (p === null ? null : hrefWith(pathname, params, { page: p === 1 ? null : p }));

  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {shown
          ? `Showing ${shown.first}–${shown.last} of ${total.toLocaleString("en-US")}`
          : `${total.toLocaleString("en-US")} in all`}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {pageSizes && (
          <label className="flex items-center gap-2 text-muted-foreground">
            Rows per page
            <select
              value={pageSize}
              onChange={(e) =>
                router.push(hrefWith(pathname, params, { [pageSizes.param]: e.target.value, page: null }), {
                  scroll: false,
                })
              }
              className="h-8 rounded-md border border-input bg-card px-2 text-sm text-foreground shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/40"
            >
              {pageSizes.options.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="text-muted-foreground tabular-nums">
          Page {Math.min(page, pageCount)} of {pageCount}
        </span>
        <div className="flex gap-1">
          <PageLink href={href(previous)} rel="prev">
            <ChevronLeftIcon aria-hidden />
            Previous
          </PageLink>
          <PageLink href={href(next)} rel="next">
            Next
            <ChevronRightIcon aria-hidden />
          </PageLink>
        </div>
      </div>
    </nav>
  );
}
