// Commands a parent process gives a stand-in running in its own process (scripts/twilio-sandbox.ts)
// over the fork IPC channel: the fault tests' way to slow it, take it offline and read what it holds.
import type { TwilioStandIn } from "./server";

export type StandInCommand =
  | { cmd: "hold-responses"; ms: number; takeAtMost?: number }
  | { cmd: "offline" }
  | { cmd: "online" }
  | { cmd: "messages" };
export type StandInMessageSummary = { sid: string; to: string; body: string; status: string };
export type StandInReply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: string };
/** The first message a forked stand-in sends: its base URL. */
export type StandInReady = { ready: string };

export async function runStandInCommand(standIn: TwilioStandIn, command: StandInCommand): Promise<unknown> {
  switch (command.cmd) {
    case "hold-responses":
      standIn.state.holdSendResponses(command.ms, { takeAtMost: command.takeAtMost });
      return undefined;
    case "offline":
      return standIn.goOffline();
    case "online":
      return standIn.comeBackOnline();
    case "messages":
      return standIn.state.messages.map(
        (m): StandInMessageSummary => ({ sid: m.sid, to: m.to, body: m.body, status: m.status }),
      );
  }
}
