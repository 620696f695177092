// The Twilio sandbox (the stand-in `npm start` runs when no Twilio account is configured) lives in
// memory, so after every start it is handed the recordings the database knows of in its account:
// the demo's voicemails then play after a restart too, as generated audio of the stored length.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TwilioStandInState } from "@/lib/dev/twilio-sandbox";

// A recording whose length never arrived still gets a few seconds of sound rather than none.
const UNKNOWN_LENGTH_SECONDS = 10;

/** Registers every stored call recording of `accountSid`'s salons; returns how many. */
export async function registerSandboxRecordings(db: PrismaClient, state: TwilioStandInState, accountSid: string): Promise<number> {
  // Across salons on purpose: this is the sandbox being set up, not a salon's request.
  const calls = await db.callLog.findMany({
    where: { recordingSid: { not: null }, salon: { OR: [{ twilioAccountSid: null }, { twilioAccountSid: accountSid }] } },
    select: { callSid: true, recordingSid: true, recordingDurationSeconds: true, startedAt: true, endedAt: true },
  });
  for (const call of calls) {
    state.addRecording({
      sid: call.recordingSid as string,
      accountSid,
      callSid: call.callSid,
      durationSeconds: call.recordingDurationSeconds ?? UNKNOWN_LENGTH_SECONDS,
      dateCreated: call.endedAt ?? call.startedAt,
    });
  }
  return calls.length;
}
