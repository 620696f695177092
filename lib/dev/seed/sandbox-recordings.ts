// The Twilio sandbox (the stand-in `npm start` runs when no Twilio account is configured) lives in
// memory and forgets everything on restart, so it looks up a recording in the database on its first
// request: the demo's voicemails play after a restart too, as generated audio of the stored length, and
// start-up does not grow with the number of recordings (handing over 199,343 of them took minutes).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TwilioStandInState } from "@/lib/dev/twilio-sandbox";

// A recording whose length never arrived still gets a few seconds of sound rather than none.
const UNKNOWN_LENGTH_SECONDS = 10;

/** Lets the sandbox serve any stored call recording of `accountSid`'s salons (or of salons with no account). */
export function serveSandboxRecordingsFromDatabase(
  db: PrismaClient,
  state: TwilioStandInState,
  accountSid: string,
): void {
  state.serveRecordingsFrom(async (sid) => {
    // Across salons on purpose: this is the sandbox answering Twilio's part, not a salon's request.
    const call = await db.callLog.findFirst({
      where: {
        recordingSid: sid,
        salon: { OR: [{ twilioAccountSid: null }, { twilioAccountSid: accountSid }] },
      },
      select: { callSid: true, recordingDurationSeconds: true, startedAt: true, endedAt: true },
    });
    if (!call) return null;
    return {
      accountSid,
      callSid: call.callSid,
      durationSeconds: call.recordingDurationSeconds ?? UNKNOWN_LENGTH_SECONDS,
      dateCreated: call.endedAt ?? call.startedAt,
    };
  });
}
