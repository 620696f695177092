// Plan-shape checks for the list tests: which indexes an EXPLAIN (ANALYZE, FORMAT JSON) used, and how many
// rows it read from the tables (kept or filtered out), never how long it took.
import type pg from "pg";

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Actual Rows": number; "Actual Loops": number; "Rows Removed by Filter"?: number; Plans?: PlanNode[] };
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** The indexes scanned ("Seq Scan" for a sequential one), in plan order, and the table rows read. */
export async function explainShape(client: pg.Client, sql: string, params: unknown[]): Promise<{ scans: string[]; rowsRead: number }> {
  const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
  const nodes = nodesOf(rows[0]!["QUERY PLAN"][0].Plan);
  const scans = nodes.filter((n) => n["Index Name"] || n["Node Type"] === "Seq Scan").map((n) => n["Index Name"] ?? n["Node Type"]);
  const heap = nodes.filter((n) => n["Relation Name"]);
  const rowsRead = heap.reduce((sum, n) => sum + (n["Actual Rows"] + (n["Rows Removed by Filter"] ?? 0)) * n["Actual Loops"], 0);
  return { scans, rowsRead };
}
