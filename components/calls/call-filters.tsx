"use client";
// Filters for the call log (see FilterForm for how submitting works). "Status" is the call's outcome,
// as the Status column shows it; dates are whole days on the salon's clock.
import { FilterForm } from "@/components/data-table/filter-form";
import {
  FilterDateRange,
  FilterSearch,
  FilterSelect,
  optionsFrom,
} from "@/components/data-table/filter-fields";
import { ASSIGNEE_LABELS, FOLLOW_UP_LABELS, OUTCOME_LABELS, REASON_LABELS } from "@/components/calls/labels";

// `status` (Twilio's line status) has no field any more; listed so an old link's ?status= is dropped
// on Apply and by "Clear filters".
const FILTER_KEYS = ["q", "outcome", "status", "followUp", "assignee", "reason", "from", "to"] as const;
const OUTCOME_OPTIONS = optionsFrom(OUTCOME_LABELS);
const FOLLOW_UP_OPTIONS = optionsFrom(FOLLOW_UP_LABELS);
const ASSIGNEE_OPTIONS = optionsFrom(ASSIGNEE_LABELS);
const REASON_OPTIONS = optionsFrom(REASON_LABELS);

export function CallFilters({ timeZone, timeZoneLabel }: { timeZone: string; timeZoneLabel: string }) {
  return (
    <FilterForm
      keys={FILTER_KEYS}
      label="Filter calls"
      timeZone={timeZone}
      timeZoneLabel={timeZoneLabel}
      // Seven fields: one row only where the date inputs still fit whole (they clip at 1280 px with a sidebar).
      gridClassName="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-[minmax(12rem,1.4fr)_repeat(6,minmax(0,1fr))]"
    >
      <FilterSearch label="Caller" placeholder="Name or number" maxLength={60} />
      <FilterSelect name="outcome" label="Status" anyLabel="Any status" options={OUTCOME_OPTIONS} />
      <FilterSelect name="followUp" label="Follow-up" anyLabel="Any" options={FOLLOW_UP_OPTIONS} />
      <FilterSelect name="assignee" label="Assigned to" anyLabel="Anyone" options={ASSIGNEE_OPTIONS} />
      <FilterSelect name="reason" label="Wanted" anyLabel="Anything" options={REASON_OPTIONS} />
      <FilterDateRange />
    </FilterForm>
  );
}
