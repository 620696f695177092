"use client";
// The filter bar above a server-paged admin table. A plain GET form (works without JavaScript); with it,
// the submit becomes a client navigation with empty fields left out of the URL and paging reset.
import { useTransition, type FormEvent, type ReactNode } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { FilterIcon, Loader2Icon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { hrefWith } from "@/lib/url-state";

type Props = {
  /** Every query parameter the fields own: read on submit, cleared by "Clear filters". */
  keys: readonly string[];
  /** Names the search landmark, e.g. "Filter calls". */
  label: string;
  /** The salon's time zone, for the note that date fields are whole days there. */
  timeZoneLabel: string;
  /** The layout of the fields row. */
  gridClassName: string;
  children: ReactNode;
};

export function FilterForm({ keys, label, timeZoneLabel, gridClassName, children }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const active = keys.some((k) => params.get(k));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const patch = Object.fromEntries(keys.map((k) => [k, String(data.get(k) ?? "").trim() || null]));
    startTransition(() =>
      router.push(hrefWith(pathname, params, { ...patch, before: null, after: null }), { scroll: false }),
    );
  }

  return (
    // Keyed by the query so "Clear" and back/forward reset the fields to what the URL says.
    <form
      key={params.toString()}
      method="get"
      action={pathname}
      onSubmit={onSubmit}
      role="search"
      aria-label={label}
      className="grid gap-3"
    >
      <div className={gridClassName}>{children}</div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <FilterIcon aria-hidden />}
          Apply filters
        </Button>
        {active && (
          <Button asChild variant="ghost" size="sm">
            <Link
              href={hrefWith(pathname, params, {
                ...Object.fromEntries(keys.map((k) => [k, null])),
                before: null,
                after: null,
              })}
              scroll={false}
            >
              <XIcon aria-hidden />
              Clear filters
            </Link>
          </Button>
        )}
        <p id="filter-tz" className="text-xs text-muted-foreground">
          Dates are whole days in {timeZoneLabel}.
        </p>
      </div>
    </form>
  );
}
