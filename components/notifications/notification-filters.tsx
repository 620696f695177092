"use client";
// Filters for the notifications table (see FilterForm for how submitting works). Dates are whole days
// on the salon's clock.
import { FilterForm } from "@/components/data-table/filter-form";
import {
  FilterDateRange,
  FilterSearch,
  FilterSelect,
  optionsFrom,
} from "@/components/data-table/filter-fields";
import { CHANNEL_LABELS, KIND_LABELS, STATUS_FILTER_OPTIONS } from "@/components/notifications/labels";

const FILTER_KEYS = ["q", "status", "kind", "channel", "from", "to"] as const;
const KIND_OPTIONS = optionsFrom(KIND_LABELS);
const CHANNEL_OPTIONS = optionsFrom(CHANNEL_LABELS, (label) => `${label}s only`);

export function NotificationFilters({
  timeZone,
  timeZoneLabel,
}: {
  timeZone: string;
  timeZoneLabel: string;
}) {
  return (
    <FilterForm
      keys={FILTER_KEYS}
      label="Filter texts"
      timeZone={timeZone}
      timeZoneLabel={timeZoneLabel}
      gridClassName="grid grid-cols-2 gap-3 lg:grid-cols-3 2xl:grid-cols-6"
    >
      <FilterSearch
        label="Recipient"
        placeholder="Name or number"
        maxLength={100}
        className="col-span-2 lg:col-span-1"
      />
      <FilterSelect name="status" label="Status" anyLabel="Any status" options={STATUS_FILTER_OPTIONS} />
      <FilterSelect name="kind" label="Kind" anyLabel="Any kind" options={KIND_OPTIONS} />
      <FilterSelect name="channel" label="Channel" anyLabel="Texts and emails" options={CHANNEL_OPTIONS} />
      <FilterDateRange />
    </FilterForm>
  );
}
