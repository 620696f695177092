// The time zones offered in sign-up and settings: where our salons are, named the way people say them.
export const DEFAULT_TIME_ZONE = "America/New_York";

export const TIME_ZONE_GROUPS: { label: string; zones: { value: string; label: string }[] }[] = [
  {
    label: "United States",
    zones: [
      { value: "America/New_York", label: "Eastern Time (New York)" },
      { value: "America/Chicago", label: "Central Time (Chicago)" },
      { value: "America/Denver", label: "Mountain Time (Denver)" },
      { value: "America/Phoenix", label: "Mountain Time, no DST (Phoenix)" },
      { value: "America/Los_Angeles", label: "Pacific Time (Los Angeles)" },
      { value: "America/Anchorage", label: "Alaska Time (Anchorage)" },
      { value: "Pacific/Honolulu", label: "Hawaii Time (Honolulu)" },
      { value: "America/Puerto_Rico", label: "Atlantic Time (Puerto Rico)" },
    ],
  },
  {
    label: "Canada",
    zones: [
      { value: "America/St_Johns", label: "Newfoundland Time (St. John's)" },
      { value: "America/Halifax", label: "Atlantic Time (Halifax)" },
      { value: "America/Toronto", label: "Eastern Time (Toronto)" },
      { value: "America/Winnipeg", label: "Central Time (Winnipeg)" },
      { value: "America/Regina", label: "Central Time, no DST (Regina)" },
      { value: "America/Edmonton", label: "Mountain Time (Edmonton)" },
      { value: "America/Vancouver", label: "Pacific Time (Vancouver)" },
    ],
  },
  {
    label: "Elsewhere",
    zones: [
      { value: "America/Mexico_City", label: "Mexico City" },
      { value: "Europe/London", label: "London" },
      { value: "Europe/Dublin", label: "Dublin" },
      { value: "Europe/Paris", label: "Paris" },
      { value: "Europe/Berlin", label: "Berlin" },
      { value: "Europe/Madrid", label: "Madrid" },
      { value: "Australia/Sydney", label: "Sydney" },
      { value: "Pacific/Auckland", label: "Auckland" },
      { value: "UTC", label: "UTC" },
    ],
  },
];

const LABELS = new Map(TIME_ZONE_GROUPS.flatMap((g) => g.zones.map((z) => [z.value, z.label] as const)));

export function isListedTimeZone(zone: string): boolean {
  return LABELS.has(zone);
}

/** "America/Chicago" → "Central Time (Chicago)"; zones outside the list read as their IANA name. */
export function describeTimeZone(zone: string): string {
  return LABELS.get(zone) ?? zone.replaceAll("_", " ");
}
