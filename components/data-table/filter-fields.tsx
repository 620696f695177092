"use client";
// Fields for FilterForm. Each is named by its query parameter, takes its initial value from the URL and
// gets the id `filter-<name>`; the form is re-keyed on the query, so these stay uncontrolled.
import type { ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { SearchIcon } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-card px-2.5 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40";

function useFilterValue(name: string): string {
  return useSearchParams().get(name) ?? "";
}

type FieldProps = { id: string; label: string; className?: string; children: ReactNode };

function FilterField({ id, label, className, children }: FieldProps) {
  return (
    <div className={cn("grid min-w-0 content-start gap-1.5", className)}>
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      {children}
    </div>
  );
}

type SearchProps = { label: string; placeholder: string; maxLength: number; className?: string };

/** Free-text search, always the `q` parameter. */
export function FilterSearch({ label, placeholder, maxLength, className }: SearchProps) {
  const value = useFilterValue("q");
  return (
    <FilterField id="filter-q" label={label} className={className}>
      <div className="relative">
        <SearchIcon
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={value}
          placeholder={placeholder}
          className="pl-8"
          maxLength={maxLength}
        />
      </div>
    </FilterField>
  );
}

type SelectProps = {
  name: string;
  label: string;
  /** The first option, which leaves this filter off. */
  anyLabel: string;
  options: readonly { value: string; label: string }[];
};

export function FilterSelect({ name, label, anyLabel, options }: SelectProps) {
  const value = useFilterValue(name);
  const id = `filter-${name}`;
  return (
    <FilterField id={id} label={label}>
      <select id={id} name={name} defaultValue={value} className={selectClass}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/** `from`/`to` whole-day inputs, described by FilterForm's time-zone note. */
export function FilterDateRange() {
  const from = useFilterValue("from");
  const to = useFilterValue("to");
  return (
    <>
      <FilterField id="filter-from" label="From">
        <Input id="filter-from" name="from" type="date" defaultValue={from} aria-describedby="filter-tz" />
      </FilterField>
      <FilterField id="filter-to" label="To">
        <Input id="filter-to" name="to" type="date" defaultValue={to} aria-describedby="filter-tz" />
      </FilterField>
    </>
  );
}

/** `{ value: label }` records (label maps) as select options, in their declared order. */
export function optionsFrom(labels: Record<string, string>, format = (label: string) => label) {
  return Object.entries(labels).map(([value, label]) => ({ value, label: format(label) }));
}
