"use client";
// The filter bar above a server-paged admin table. A plain GET form (works without JavaScript); with it,
// the submit becomes a client navigation with empty fields left out of the URL and paging reset.
// On phones the fields wait behind a "Filters" button (a bottom sheet) that counts the active ones, so
// the list starts on the first screen; the date presets sit beside it and apply at once.
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import Link from "@/components/ui/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { FilterIcon, Loader2Icon, SlidersHorizontalIcon, XIcon } from "lucide-react";
import { DatePresets } from "@/components/data-table/date-presets";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { hrefWith } from "@/lib/url-state";

type Props = {
  /** Every query parameter the fields own: read on submit, cleared by "Clear filters". */
  keys: readonly string[];
  /** Names the search landmark, e.g. "Filter calls". */
  label: string;
  /** The salon's time zone: date presets count its days; the note names it (`timeZoneLabel`). */
  timeZone: string;
  timeZoneLabel: string;
  /** The layout of the fields row. */
  gridClassName: string;
  children: ReactNode;
};

/** Active filters as people count them: a date range is one, however many of from/to it sets. */
function countActiveFilters(keys: readonly string[], params: URLSearchParams): number {
  const set = keys.filter((k) => params.get(k));
  return set.filter((k) => k !== "to" || !set.includes("from")).length;
}

function useClearHref(keys: readonly string[]): string {
  const pathname = usePathname();
  const params = useSearchParams();
  return hrefWith(pathname, params, {
    ...Object.fromEntries(keys.map((k) => [k, null])),
    before: null,
    after: null,
  });
}

type FormProps = Omit<Props, "timeZone"> & {
  className?: string;
  onApplied?: () => void;
  presets?: ReactNode;
};

function FiltersForm({
  keys,
  label,
  timeZoneLabel,
  gridClassName,
  children,
  className,
  onApplied,
  presets,
}: FormProps) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const active = keys.some((k) => params.get(k));
  const clearHref = useClearHref(keys);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const patch = Object.fromEntries(keys.map((k) => [k, String(data.get(k) ?? "").trim() || null]));
    startTransition(() =>
      router.push(hrefWith(pathname, params, { ...patch, before: null, after: null }), { scroll: false }),
    );
    onApplied?.();
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
      className={className ?? "grid gap-3"}
    >
      <div className={gridClassName}>{children}</div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <FilterIcon aria-hidden />}
          Apply filters
        </Button>
        {active && (
          <Button asChild variant="ghost" size="sm">
            <Link href={clearHref} scroll={false} onClick={onApplied}>
              <XIcon aria-hidden />
              Clear filters
            </Link>
          </Button>
        )}
        {presets}
        <p id="filter-tz" className="text-xs text-muted-foreground">
          Dates are whole days in {timeZoneLabel}.
        </p>
      </div>
    </form>
  );
}

export function FilterForm({ timeZone, ...props }: Props) {
  const params = useSearchParams();
  const [open, setOpen] = useState(false);
  const count = countActiveFilters(props.keys, params);
  const clearHref = useClearHref(props.keys);

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2 sm:hidden">
        <Sheet open={open} onOpenChange={setOpen}>
          <SheetTrigger asChild>
            <Button variant="outline" size="sm" data-filter-count={count}>
              <SlidersHorizontalIcon aria-hidden />
              Filters
              {count > 0 && (
                <span className="-mr-1 rounded-full bg-primary px-1.5 text-xs text-primary-foreground tabular-nums">
                  {count}
                  <span className="sr-only"> active</span>
                </span>
              )}
            </Button>
          </SheetTrigger>
          <SheetContent side="bottom" closeLabel="Close filters" className="gap-3 bg-card p-4">
            <SheetTitle>{props.label}</SheetTitle>
            <SheetDescription className="sr-only">
              Pick filters, then apply them to the list.
            </SheetDescription>
            <FiltersForm {...props} onApplied={() => setOpen(false)} />
          </SheetContent>
        </Sheet>
        <DatePresets timeZone={timeZone} />
        {count > 0 && (
          <Button asChild variant="ghost" size="sm">
            <Link href={clearHref} scroll={false}>
              <XIcon aria-hidden />
              Clear
            </Link>
          </Button>
        )}
      </div>
      {/* One form at a time, so the field ids stay unique while the sheet's copy is open. */}
      {!open && (
        <FiltersForm
          {...props}
          className="hidden gap-3 sm:grid"
          presets={<DatePresets timeZone={timeZone} />}
        />
      )}
    </div>
  );
}
