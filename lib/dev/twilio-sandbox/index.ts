// The Twilio stand-in's public surface, and the "sandbox": the stand-in run in-process by
// `npm start` when no Twilio credentials are configured, so nothing leaves the machine.
import { createTwilioStandIn, type TwilioStandIn } from "./server";
import type { NumberSeed } from "./state";

export { createTwilioStandIn, type TwilioStandIn } from "./server";
export type { NumberSeed, StandInAccount, TwilioStandInState } from "./state";

/**
 * One account, lenient about From numbers (a seeded salon's number is adopted on first use, since
 * the sandbox forgets everything on restart) and slow enough for the UI to show each status.
 */
export async function startTwilioSandbox(input: {
  accountSid: string;
  authToken: string;
  port?: number;
  host?: string;
  numbers?: Array<Omit<NumberSeed, "accountSid">>;
  callbackDelayMs?: number;
}): Promise<TwilioStandIn> {
  const sandbox = createTwilioStandIn({
    accounts: [{ sid: input.accountSid, authToken: input.authToken, friendlyName: "Bolt sandbox" }],
    numbers: input.numbers?.map((n) => ({ ...n, accountSid: input.accountSid })),
    callbackDelayMs: input.callbackDelayMs ?? 300,
    strictFrom: false,
    host: input.host,
  });
  await sandbox.listen(input.port ?? 0);
  return sandbox;
}
