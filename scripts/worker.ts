// `npm run worker`: the job worker on its own (for deployments that run jobs outside the web
// process; set RUN_JOBS_IN_PROCESS=false there). Needs DATABASE_URL and the Twilio settings.
import { startWorker } from "@/lib/jobs/worker";
import { closeDatabaseClients } from "@/lib/db/close-clients";
import { startSalonClock } from "@/lib/time/clock";

const say = (msg: string) => console.log(`[worker] ${msg}`);

async function main() {
  // Anchored at launch, as npm start anchors its own, not at the first text the worker holds.
  const salonClock = startSalonClock();
  if (salonClock) say(`sandbox clock: salons' hours are read as at ${salonClock.toISOString()} (BOLT_SANDBOX_NOW)`);
  const worker = await startWorker();
  say("running; Ctrl-C to stop");
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: finishing jobs in hand…`);
    await worker.stop();
    await closeDatabaseClients();
    say("stopped cleanly");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(`[worker] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
