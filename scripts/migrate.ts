// `npm run db:migrate` / `npm run db:rollback [-- n]` / `npx tsx scripts/migrate.ts status`,
// against DATABASE_URL (connect as the app role so the tables it creates are the app's own).
import { migrateDown, migrateUp, migrationStatus } from "@/lib/db/migrator";

const USAGE = "usage: tsx scripts/migrate.ts up | down [n] | status";

async function main(): Promise<void> {
  const [command = "up", arg] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const log = (message: string) => console.log(message);

  if (command === "up") {
    const applied = await migrateUp(url, { log });
    console.log(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");
  } else if (command === "down") {
    const steps = arg === undefined ? 1 : Number(arg);
    if (!Number.isInteger(steps) || steps < 1)
      throw new Error(`down expects a positive whole number of steps\n${USAGE}`);
    const rolledBack = await migrateDown(url, { steps, log });
    console.log(rolledBack.length ? `rolled back ${rolledBack.length} migration(s)` : "nothing to roll back");
  } else if (command === "status") {
    const rows = await migrationStatus(url);
    for (const { name, state } of rows) console.log(`${state.padEnd(16)} ${name}`);
    if (rows.some((r) => r.state === "changed" || r.state === "failed")) process.exitCode = 1;
  } else {
    throw new Error(USAGE);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
