// Text PostgreSQL cannot store as given: U+0000 (text columns refuse it, so the query fails with a
// 500) and unpaired UTF-16 surrogates (not Unicode; they'd be stored as something else than was sent).
// Bolt's own inputs refuse them as a 422 naming the field; data a provider signed is kept, made safe.
import { ZodError, type z } from "zod";

export const UNSAFE_TEXT_MESSAGE = "Contains a character that isn't allowed (a NUL byte or an unpaired surrogate).";

export function isSafeText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/** The same text with NUL and every unpaired surrogate replaced by U+FFFD, the replacement character. */
export function toSafeText(value: string): string {
  return value.toWellFormed().replaceAll("\u0000", "\uFFFD");
}

/** One issue per string (value or key) in `value` that isn't safe text, at its path. */
function unsafeTextIssues(value: unknown, path: PropertyKey[] = [], issues: z.core.$ZodIssue[] = []): z.core.$ZodIssue[] {
  if (typeof value === "string") {
    if (!isSafeText(value)) issues.push({ code: "custom", path, message: UNSAFE_TEXT_MESSAGE, input: undefined });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unsafeTextIssues(item, [...path, i], issues));
  } else if (value !== null && typeof value === "object" && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      // A bad key is named in the answer as it can be shown (the answer itself must be safe text).
      if (!isSafeText(key)) issues.push({ code: "custom", path: [...path, toSafeText(key)], message: UNSAFE_TEXT_MESSAGE, input: undefined });
      else unsafeTextIssues(item, [...path, key], issues);
    }
  }
  return issues;
}

/** Throws a ZodError (→ 422 validation_failed with the fields named) when any string in `value` isn't safe text. */
export function assertSafeText(value: unknown): void {
  const issues = unsafeTextIssues(value);
  if (issues.length > 0) throw new ZodError(issues);
}

/** `schema.safeParse`, after refusing unsafe text the same way, for callers that render the result (server actions). */
export function safeParseInput<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  const issues = unsafeTextIssues(value);
  if (issues.length > 0) return { success: false, error: new ZodError(issues) } as z.ZodSafeParseResult<z.output<S>>;
  return schema.safeParse(value);
}
