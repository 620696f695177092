"use client";

import { useState, useSyncExternalStore } from "react";
import type { FieldControlProps } from "@/components/ui/form-field";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import {
  DEFAULT_TIME_ZONE,
  TIME_ZONE_GROUPS,
  describeTimeZone,
  isListedTimeZone,
} from "@/components/settings/time-zones";

const noSubscribe = () => () => {};
const readBrowserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noBrowserZone = () => null;

type TimeZoneSelectProps = FieldControlProps & {
  /** The saved zone; when absent the browser's zone is suggested if it is on the list. */
  defaultValue?: string;
  disabled?: boolean;
};

/** A time-zone picker that posts `name` with the form (Radix renders a hidden native select). */
export function TimeZoneSelect({ defaultValue, disabled, id, name, ...aria }: TimeZoneSelectProps) {
  // The browser's zone is only known on the client; the server renders the default, then this fills in.
  const browserZone = useSyncExternalStore(noSubscribe, readBrowserZone, noBrowserZone);
  const [chosen, setChosen] = useState<string | null>(null);
  // UTC usually means an unconfigured machine rather than a salon's real zone.
  const suggested =
    browserZone && browserZone !== "UTC" && isListedTimeZone(browserZone) ? browserZone : DEFAULT_TIME_ZONE;
  const value = chosen ?? defaultValue ?? suggested;
  const extra = !isListedTimeZone(value) ? value : null;

  return (
    <Select name={name} value={value} onValueChange={setChosen} disabled={disabled}>
      <SelectTrigger id={id} {...aria}>
        <SelectValue placeholder="Choose a time zone" />
      </SelectTrigger>
      <SelectContent>
        {extra && (
          <SelectGroup>
            <SelectItem value={extra}>{describeTimeZone(extra)}</SelectItem>
          </SelectGroup>
        )}
        {TIME_ZONE_GROUPS.map((group) => (
          <SelectGroup key={group.label}>
            <SelectLabel>{group.label}</SelectLabel>
            {group.zones.map((zone) => (
              <SelectItem key={zone.value} value={zone.value}>
                {zone.label}
              </SelectItem>
            ))}
          </SelectGroup>
        ))}
      </SelectContent>
    </Select>
  );
}
