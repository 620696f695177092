// The SQL side of bench:scale: records the statements a public function sends (at the pg driver, under
// Prisma's adapter, so it is exactly what PostgreSQL receives), then runs EXPLAIN ANALYZE on them through
// the app's own clients — as the salon-scoped role with the salon set (RLS on) for list queries, as the
// system client for sweeps — so the figures follow whatever roles and policies lib/db.ts sets up.
import pg from "pg";

export type Statement = { text: string; values: unknown[] };

let recording: Statement[] | null = null;
const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const originalQuery = clientProto.query;
clientProto.query = function (this: unknown, ...args: unknown[]) {
  if (recording) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (typeof config === "string")
      recording.push({ text: config, values: Array.isArray(values) ? values : [] });
    else if (config && typeof config === "object" && "text" in config)
      recording.push({ text: config.text, values: config.values ?? (Array.isArray(values) ? values : []) });
  }
  return originalQuery.apply(this, args);
};

/** Runs `fn` and returns the statements it sent that touch `table` (transaction plumbing left out). */
export async function captureStatements<T>(
  fn: () => Promise<T>,
  table: string,
): Promise<{ result: T; statements: Statement[]; ms: number }> {
  recording = [];
  const t0 = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - t0;
    const statements = recording.filter(
      (s) => s.text.includes(`"${table}"`) && /^\s*(SELECT|DELETE|UPDATE|WITH)/i.test(s.text),
    );
    return { result, statements, ms };
  } finally {
    recording = null;
  }
}

type PlanNode = {
  "Node Type": string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  "Index Name"?: string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
};
export type PlanSummary = { ms: number; rowsRead: number; pages: number; scans: string[] };

/** Execution time, rows the scans read (returned + filtered out) and pages touched, from EXPLAIN's JSON. */
function summarise(explained: unknown): PlanSummary {
  const rows = explained as Array<Record<string, unknown>>;
  const raw = rows[0]?.["QUERY PLAN"];
  const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{
    Plan: PlanNode;
    "Execution Time": number;
  }>;
  const top = doc[0]!;
  let rowsRead = 0;
  const scans: string[] = [];
  const walk = (node: PlanNode) => {
    if (/Scan$/.test(node["Node Type"]) && node["Relation Name"]) {
      const loops = node["Actual Loops"] ?? 1;
      rowsRead +=
        ((node["Actual Rows"] ?? 0) +
          (node["Rows Removed by Filter"] ?? 0) +
          (node["Rows Removed by Index Recheck"] ?? 0)) *
        loops;
      scans.push(
        `${node["Node Type"]}${node["Index Name"] ? ` ${node["Index Name"]}` : ` ${node["Relation Name"]}`}`,
      );
    }
    node.Plans?.forEach(walk);
  };
  walk(top.Plan);
  const pages = (top.Plan["Shared Hit Blocks"] ?? 0) + (top.Plan["Shared Read Blocks"] ?? 0);
  // PostgreSQL 18 reports a loop's rows as a fraction (rows per loop), so the product is rounded.
  return { ms: top["Execution Time"], rowsRead: Math.round(rowsRead), pages, scans };
}

const EXPLAIN = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ";
class Rollback extends Error {}

/** EXPLAIN ANALYZE as the app's salon-scoped client, salon set, in a transaction that is rolled back. */
export async function explainAsSalon(salonId: string, statement: Statement): Promise<PlanSummary> {
  const { withSalonTransaction } = await import("@/lib/db");
  let summary: PlanSummary | undefined;
  await withSalonTransaction(salonId, async (tx) => {
    summary = summarise(await tx.$queryRawUnsafe(EXPLAIN + statement.text, ...statement.values));
    throw new Rollback();
  }).catch((err: unknown) => {
    if (!(err instanceof Rollback)) throw err;
  });
  return summary!;
}

/** EXPLAIN ANALYZE as the system client (the sweeps' own), rolled back so a DELETE deletes nothing. */
export async function explainAsSystem(statement: Statement): Promise<PlanSummary> {
  const { db } = await import("@/lib/db");
  let summary: PlanSummary | undefined;
  await db
    .$transaction(async (tx) => {
      summary = summarise(await tx.$queryRawUnsafe(EXPLAIN + statement.text, ...statement.values));
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return summary!;
}

/** The median of `runs` EXPLAIN ANALYZEs (the first warms the cache like a live server's would be). */
export async function medianPlan(runs: number, explain: () => Promise<PlanSummary>): Promise<PlanSummary> {
  const plans: PlanSummary[] = [];
  for (let i = 0; i < runs; i++) plans.push(await explain());
  plans.sort((a, b) => a.ms - b.ms);
  return plans[Math.floor(plans.length / 2)]!;
}
