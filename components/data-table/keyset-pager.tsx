"use client";
// The previous/next links under a server-paged admin table (Calls, Notifications): keyset cursors in
// the URL (?before= / ?after=, lib/api/page-cursors.ts), so back/forward and sharing work and a deep
// page costs what the first does. No "page 3 of 40": that total would cost a count of every match.
import Link from "@/components/ui/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { hrefWith } from "@/lib/url-state";

type Props = {
  /** Cursor of the page before this one (null on the first page). */
  newer: string | null;
  /** Cursor of the page after this one (null on the last page). */
  older: string | null;
  /** The list's order: by time the links say "Newer"/"Older", otherwise "Previous"/"Next". */
  order: { byTime: boolean; dir: "asc" | "desc" };
  /** The page sizes offered and the parameter they set; without them the size is fixed. */
  pageSizes?: { options: readonly number[]; param: string; current: number };
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

/** Nothing when there is only one page and no size to pick. */
export function KeysetPager({ newer, older, order, pageSizes }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  if (!newer && !older && !pageSizes) return null;
  const labels = pagerLabels(order);
  const href = (patch: { before?: string; after?: string }) =>
    hrefWith(pathname, params, { before: patch.before ?? null, after: patch.after ?? null });

  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-end gap-3 text-sm">
      {pageSizes && (
        <label className="flex items-center gap-2 text-muted-foreground">
          Rows per page
          <select
            value={pageSizes.current}
            onChange={(e) =>
              // A new size starts from the first page: the cursors stay valid, but "first page" is what people expect.
              router.push(hrefWith(pathname, params, { [pageSizes.param]: e.target.value, before: null, after: null }), {
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
      <div className="flex gap-1">
        <PageLink href={newer ? href({ before: newer }) : null} rel="prev">
          <ChevronLeftIcon aria-hidden />
          {labels.previous}
        </PageLink>
        <PageLink href={older ? href({ after: older }) : null} rel="next">
          {labels.next}
          <ChevronRightIcon aria-hidden />
        </PageLink>
      </div>
    </nav>
  );
}

/** The links' words for a sort: by time they say which way in time; otherwise previous and next. */
function pagerLabels({ byTime, dir }: Props["order"]): { previous: string; next: string } {
  if (!byTime) return { previous: "Previous", next: "Next" };
  return dir === "desc" ? { previous: "Newer", next: "Older" } : { previous: "Older", next: "Newer" };
}
