// Conditions shared by the hand-written API lists (lib/calls/list-call-logs.ts, lib/notifications/
// list-notifications.ts), which run through querySalon without Prisma.
import type { Cursor } from "@/lib/api/pagination";
import type { SqlParams } from "@/lib/db/sql-params";

/**
 * Rows past the cursor in (time desc, id desc) order, as lib/api/pagination.ts's afterCursor says it for
 * Prisma: `time <= c` is where the index starts its scan, the NOT drops the cursor's own instant up to its id.
 */
export function pastCursor(time: string, id: string, cursor: Cursor, params: SqlParams): string {
  const at = params.at(cursor.createdAt);
  return `${time} <= ${at} AND NOT (${time} = ${at} AND ${id} >= ${params.add(cursor.id)})`;
}

/** `ILIKE`'s pattern for "contains `text`", its wildcards taken literally (Prisma's `contains` doesn't escape them). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `json_build_object` of `fields` (name → SQL expression), keys in their order, as text for the response. */
export const jsonObject = (fields: Array<[name: string, sql: string]>) =>
  `json_build_object(${fields.map(([name, sql]) => `'${name}', ${sql}`).join(", ")})`;

/** `jsonObject(fields)`, or null when `column` (the joined row's key) is null: a relation that isn't there. */
export const jsonRelation = (column: string, fields: Array<[name: string, sql: string]>) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE ${jsonObject(fields)} END`;
