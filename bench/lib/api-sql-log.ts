// SQL statements per API request for bench/api-request.ts, read from PostgreSQL's own log: with
// log_min_duration_statement=0 every statement the server runs is logged with its duration, and the
// line prefix names the connection's application, so pg-boss's polling (application "pgboss…") is left out.
import pg from "pg";

export type StatementKind = "BEGIN/COMMIT" | "set_config" | "rate_limits" | "api_keys" | "other";

export type SqlTally = { statements: number; serverMs: number; byKind: Record<StatementKind, number> };

const emptyTally = (): SqlTally => ({
  statements: 0,
  serverMs: 0,
  byKind: { "BEGIN/COMMIT": 0, set_config: 0, rate_limits: 0, api_keys: 0, other: 0 },
});

// "<app>|…duration: 0.123 ms  execute <unnamed>: SELECT …" (parse and bind phases carry durations too).
const LINE = /^([^|\n]*)\|.*?duration: ([\d.]+) ms\s+(statement|execute|parse|bind)\b[^:]*:\s*(.*)$/;

function kindOf(sql: string): StatementKind {
  if (/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(sql)) return "BEGIN/COMMIT";
  if (sql.includes("set_config")) return "set_config";
  if (sql.includes("rate_limits")) return "rate_limits";
  if (sql.includes('"api_keys"') || sql.includes("api_keys")) return "api_keys";
  return "other";
}

/** Feed it the cluster's log (startEmbeddedPostgres's onLog); it counts only while `counting`. */
export class SqlLog {
  private tally = emptyTally();
  private counting = false;

  // A statement's text may start on the next line (rate-limiter-flexible's SQL begins with a newline).
  private unclassified = false;

  readonly onLog = (message: string): void => {
    if (!this.counting) return;
    for (const raw of message.split("\n")) {
      const line = raw.trim();
      const m = LINE.exec(line);
      if (!m) {
        if (this.unclassified && line && !line.includes("|")) {
          this.tally.byKind[kindOf(line)]++;
          this.unclassified = false;
        }
        continue;
      }
      this.unclassified = false;
      if (m[1]!.startsWith("pgboss")) continue;
      this.tally.serverMs += Number(m[2]);
      // A statement is counted once, at its execution; parse and bind only add time.
      if (m[3] === "statement" || m[3] === "execute") {
        this.tally.statements++;
        if (m[4]) this.tally.byKind[kindOf(m[4])]++;
        else this.unclassified = true;
      }
    }
  };

  /** Runs `work` with every statement logged, and returns what the app's connections ran meanwhile. */
  async during(adminUrl: string, work: () => Promise<void>): Promise<SqlTally> {
    await setLogging(adminUrl, true);
    this.tally = emptyTally();
    this.counting = true;
    try {
      await work();
      // The last lines arrive through the postmaster's stderr a moment after the answers.
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      this.counting = false;
      await setLogging(adminUrl, false);
    }
    return this.tally;
  }
}

async function setLogging(adminUrl: string, on: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    if (on) {
      await client.query("ALTER SYSTEM SET log_min_duration_statement = 0");
      await client.query("ALTER SYSTEM SET log_line_prefix = '%a|'");
    } else {
      await client.query("ALTER SYSTEM RESET log_min_duration_statement");
      await client.query("ALTER SYSTEM RESET log_line_prefix");
    }
    await client.query("SELECT pg_reload_conf()");
  } finally {
    await client.end();
  }
  // Backends pick the reload up before their next command; give the signal a moment.
  await new Promise((r) => setTimeout(r, 200));
}
