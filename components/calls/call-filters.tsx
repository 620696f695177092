"use client";
// Filters for the call log. A plain GET form (works without JavaScript); with it, the submit becomes a
// client navigation with empty fields left out of the URL. Dates are whole days on the salon's clock.
import { useTransition, type FormEvent } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { FilterIcon, Loader2Icon, SearchIcon, XIcon } from "lucide-react";
import { CALL_STATUS_LABELS, REASON_LABELS } from "@/components/calls/labels";
import { hrefWith } from "@/components/notifications/table-url";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const FILTER_KEYS = ["q", "status", "reason", "from", "to"] as const;
const selectClass =
  "h-9 w-full rounded-md border border-input bg-card px-2.5 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40";

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      {children}
    </div>
  );
}

export function CallFilters({ timeZoneLabel }: { timeZoneLabel: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const value = (key: string) => params.get(key) ?? "";
  const active = FILTER_KEYS.some((k) => params.get(k));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const patch = Object.fromEntries(FILTER_KEYS.map((k) => [k, String(data.get(k) ?? "").trim() || null]));
    startTransition(() =>
      router.push(hrefWith(pathname, params, { ...patch, page: null }), { scroll: false }),
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
      aria-label="Filter calls"
      className="grid gap-3"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(12rem,1.4fr)_repeat(4,minmax(0,1fr))]">
        <Field id="filter-q" label="Caller">
          <div className="relative">
            <SearchIcon
              className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
              aria-hidden
            />
            <Input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={value("q")}
              placeholder="Name or number"
              className="pl-8"
              maxLength={60}
            />
          </div>
        </Field>
        <Field id="filter-status" label="Status">
          <select id="filter-status" name="status" defaultValue={value("status")} className={selectClass}>
            <option value="">Any status</option>
            {Object.entries(CALL_STATUS_LABELS).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-reason" label="Wanted">
          <select id="filter-reason" name="reason" defaultValue={value("reason")} className={selectClass}>
            <option value="">Anything</option>
            {Object.entries(REASON_LABELS).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-from" label="From">
          <Input
            id="filter-from"
            name="from"
            type="date"
            defaultValue={value("from")}
            aria-describedby="filter-tz"
          />
        </Field>
        <Field id="filter-to" label="To">
          <Input
            id="filter-to"
            name="to"
            type="date"
            defaultValue={value("to")}
            aria-describedby="filter-tz"
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <FilterIcon aria-hidden />}
          Apply filters
        </Button>
        {active && (
          <Button asChild variant="ghost" size="sm">
            <Link
              href={hrefWith(pathname, params, {
                ...Object.fromEntries(FILTER_KEYS.map((k) => [k, null])),
                page: null,
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
