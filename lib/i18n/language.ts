// The languages Bolt speaks and texts in. A customer's language is remembered (customers.language);
// null there means "not known yet", which reads as the salon's default, English.
export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = "en";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
