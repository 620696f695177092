"use client";
// Page links and page size for the notifications table; both are just URLs, so back/forward work.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { hrefWith } from "@/lib/url-state";
import { Button } from "@/components/ui/button";
import { NOTIFICATION_PAGE_SIZES } from "@/lib/validations/notifications";

type Props = { page: number; size: number; total: number };

export function TablePagination({ page, size, total }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const pageCount = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  const href = (p: number) => hrefWith(pathname, params, { page: p === 1 ? null : p });

  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {total === 0 ? "No texts" : `Showing ${first}–${last} of ${total.toLocaleString("en-US")}`}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-muted-foreground">
          Rows per page
          <select
            value={size}
            onChange={(e) =>
              router.push(hrefWith(pathname, params, { size: e.target.value, page: null }), { scroll: false })
            }
            className="h-8 rounded-md border border-input bg-card px-2 text-sm text-foreground shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/40"
          >
            {NOTIFICATION_PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="text-muted-foreground tabular-nums">
          Page {Math.min(page, pageCount)} of {pageCount}
        </span>
        <div className="flex gap-1">
          {page > 1 ? (
            <Button asChild variant="outline" size="sm">
              <Link href={href(Math.min(page - 1, pageCount))} scroll={false} rel="prev">
                <ChevronLeftIcon aria-hidden />
                Previous
              </Link>
            </Button>
          ) : (
            <Button variant="outline" size="sm" disabled>
              <ChevronLeftIcon aria-hidden />
              Previous
            </Button>
          )}
          {page < pageCount ? (
            <Button asChild variant="outline" size="sm">
              <Link href={href(page + 1)} scroll={false} rel="next">
                Next
                <ChevronRightIcon aria-hidden />
              </Link>
            </Button>
          ) : (
            <Button variant="outline" size="sm" disabled>
              Next
              <ChevronRightIcon aria-hidden />
            </Button>
          )}
        </div>
      </div>
    </nav>
  );
}
