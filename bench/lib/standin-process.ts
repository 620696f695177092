// The Twilio stand-in in its own process for bench/reminders.ts: real Twilio runs elsewhere, so its
// CPU shouldn't be billed to the worker under test. Speaks to the parent over IPC: "ready" with its
// URL, "accepted" counts as they grow, a "report" of duplicates on request, then exits on "close".
// Status progressions are dropped as soon as they start: callbacks are not part of the measurement.
import { setTimeout as sleep } from "node:timers/promises";
import { createTwilioStandIn, type StandInAccount, type NumberSeed } from "@/lib/dev/twilio-sandbox";

export type StandInConfig = { accounts: StandInAccount[]; numbers: NumberSeed[] };
export type ToStandIn = { type: "report" } | { type: "close" };
export type FromStandIn =
  | { type: "ready"; url: string }
  | { type: "accepted"; count: number }
  | { type: "report"; accepted: number; duplicates: number; distinct: number };

const send = (msg: FromStandIn) => process.send?.(msg);

async function main() {
  const config = JSON.parse(process.env.BENCH_STANDIN_CONFIG ?? "{}") as StandInConfig;
  const standIn = createTwilioStandIn({ ...config, callbackDelayMs: 3_600_000 });
  await standIn.listen();
  send({ type: "ready", url: standIn.url });

  let open = true;
  process.on("message", (msg: ToStandIn) => {
    if (msg.type === "report") {
      const perPair = new Map<string, number>();
      for (const m of standIn.state.messages)
        perPair.set(`${m.from}>${m.to}`, (perPair.get(`${m.from}>${m.to}`) ?? 0) + 1);
      const duplicates = [...perPair.values()].reduce((sum, n) => sum + n - 1, 0);
      send({ type: "report", accepted: standIn.state.messages.length, duplicates, distinct: perPair.size });
    } else {
      open = false;
    }
  });

  let reported = 0;
  while (open) {
    // Parked progressions would pile up listeners on one abort signal; drop them every tick.
    standIn.state.cancelPending();
    if (standIn.state.messages.length !== reported) {
      reported = standIn.state.messages.length;
      send({ type: "accepted", count: reported });
    }
    await sleep(10);
  }
  await standIn.close();
  process.disconnect?.();
}

main().catch((err: unknown) => {
  console.error("[bench stand-in]", err);
  process.exit(1);
});
