// Previous/next links for the call log; pages are just URLs, so back/forward and sharing work.
import Link from "next/link";
import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { hrefWith } from "@/lib/url-state";
import { Button } from "@/components/ui/button";

type Props = {
  path: string;
  params: URLSearchParams;
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
};

function PageLink({
  href,
  rel,
  children,
}: {
  href: string | null;
  rel: "prev" | "next";
  children: React.ReactNode;
}) {
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

export function CallPagination({ path, params, page, pageSize, pageCount, total }: Props) {
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const href = (p: number) => hrefWith(path, params, { page: p === 1 ? null : p });

  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {total === 0 ? "No calls" : `Showing ${first}–${last} of ${total.toLocaleString("en-US")}`}
      </p>
      <div className="flex items-center gap-3">
        <span className="text-muted-foreground tabular-nums">
          Page {Math.min(page, pageCount)} of {pageCount}
        </span>
        <div className="flex gap-1">
          <PageLink href={page > 1 ? href(Math.min(page - 1, pageCount)) : null} rel="prev">
            <ChevronLeftIcon aria-hidden />
            Previous
          </PageLink>
          <PageLink href={page < pageCount ? href(page + 1) : null} rel="next">
            Next
            <ChevronRightIcon aria-hidden />
          </PageLink>
        </div>
      </div>
    </nav>
  );
}
