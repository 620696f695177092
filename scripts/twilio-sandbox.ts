// The Twilio stand-in as its own process, for a worker run apart from it (`npm run worker` with
// TWILIO_API_BASE_URL set to the printed URL) and for fault tests: killing the worker must not
// wipe what "Twilio" holds. Started by a parent with an IPC channel (child_process.fork), it also
// takes commands: hold send responses, go offline and come back, list its messages.
//   npx tsx scripts/twilio-sandbox.ts --account AC…:token [--port 0] [--callback-delay-ms 300]
import { parseArgs } from "node:util";
import { createTwilioStandIn } from "@/lib/dev/twilio-sandbox";
import {
  runStandInCommand,
  type StandInCommand,
  type StandInReady,
  type StandInReply,
} from "@/lib/dev/twilio-sandbox/remote-control";

const say = (msg: string) => console.log(`[twilio-sandbox] ${msg}`);

function accountsFrom(values: string[]) {
  if (values.length === 0) throw new Error("give at least one --account AC…:token");
  return values.map((value) => {
    const [sid = "", authToken = ""] = value.split(":");
    if (!/^AC[0-9a-f]{32}$/.test(sid) || authToken.length < 16) throw new Error(`--account ${sid}: need AC + 32 hex, ':' and a 16+ character token`);
    return { sid, authToken };
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      account: { type: "string", multiple: true, default: [] },
      port: { type: "string", default: "0" },
      "callback-delay-ms": { type: "string", default: "300" },
    },
  });
  const standIn = createTwilioStandIn({
    accounts: accountsFrom(values.account),
    callbackDelayMs: Number(values["callback-delay-ms"]),
    // Like the sandbox npm start runs: a salon's number is adopted on first use.
    strictFrom: false,
  });
  const url = await standIn.listen(Number(values.port));
  say(`listening on ${url}`);

  const send = process.send?.bind(process);
  if (send) {
    process.on("message", (message: StandInCommand & { id: number }) => {
      runStandInCommand(standIn, message).then(
        (result) => send({ id: message.id, ok: true, result } satisfies StandInReply),
        (err: unknown) => send({ id: message.id, ok: false, error: String(err) } satisfies StandInReply),
      );
    });
    // The parent is gone: so is this stand-in.
    process.on("disconnect", () => process.exit(0));
    send({ ready: url } satisfies StandInReady);
  }
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(`[twilio-sandbox] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
