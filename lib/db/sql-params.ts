// Hand-written statements run on plain pg (querySalon, the rate-limit pool): their values and Prisma's time
// convention. `timestamp(3)` columns hold UTC wall time, so an instant goes in as ISO text read at UTC (pg
// would send a Date in the process's own zone, which a cast to timestamp drops); a column comes out as the
// text toISOString() would write for it.

/** A statement's values, each added where its `$n` is written. */
export function sqlParams() {
  const values: unknown[] = [];
  return {
    values,
    /** `$n` for a value. */
    add(value: unknown): string {
      values.push(value);
      return `$${values.length}`;
    },
    /** `$n` for an instant, as a UTC wall time comparable with a timestamp(3) column (an index still seeks it). */
    at(value: Date): string {
      values.push(value.toISOString());
      return `($${values.length}::timestamptz AT TIME ZONE 'UTC')`;
    },
  };
}

export type SqlParams = ReturnType<typeof sqlParams>;

/** A timestamp(3) column as JSON would have its Date: toISOString()'s text (null stays null). */
export const isoText = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
