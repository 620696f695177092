// Loading and saving a dialogue's state. Webhooks and the text worker run these with the system
// client (like every webhook write), always scoped by salon. A save is a compare-and-set on
// `version`: of two webhooks that read the same state, one writes and the other reads again.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/i18n/language";
import { parseDialogueState, STATE_VERSION, type DialogueState } from "@/lib/receptionist/dialogue/state";

export type StoredDialogue = { id: string; version: number; state: DialogueState; expired: boolean };

export const dialogueKey = {
  call: (callSid: string) => `call:${callSid}`,
  text: (customerId: string) => `text:${customerId}`,
};

const freshState = (language: Language): DialogueState => ({ v: STATE_VERSION, language, offer: 0, at: { step: "idle" } });

/** The dialogue under `key`, created idle on first use. `expired` says its state is past its expiry. */
export async function loadDialogue(
  salonId: string,
  key: string,
  opts: { customerId: string | null; language: Language; now: Date },
): Promise<StoredDialogue> {
  const select = { id: true, version: true, state: true, expiresAt: true } as const;
  let row = await db.receptionistDialogue.findUnique({ where: { salonId_key: { salonId, key } }, select });
  if (!row) {
    // Two first turns at once both insert; ON CONFLICT keeps one row and the other reads it.
    await db.$executeRaw`
      INSERT INTO "receptionist_dialogues" ("id", "salonId", "key", "customerId", "state", "version", "expiresAt", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${salonId}, ${key}, ${opts.customerId}, ${JSON.stringify(freshState(opts.language))}::jsonb, 0,
              (${opts.now.toISOString()}::timestamptz AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'))
      ON CONFLICT ("salonId", "key") DO NOTHING`;
    row = await db.receptionistDialogue.findUniqueOrThrow({ where: { salonId_key: { salonId, key } }, select });
  }
  const state = parseDialogueState(row.state) ?? freshState(opts.language);
  return { id: row.id, version: row.version, state, expired: row.expiresAt.getTime() <= opts.now.getTime() };
}

/** Writes `next` if nobody has since `dialogue` was read; false when another turn got there first. */
export async function saveDialogue(salonId: string, dialogue: StoredDialogue, next: DialogueState, expiresAt: Date): Promise<boolean> {
  const { count } = await db.receptionistDialogue.updateMany({
    where: { id: dialogue.id, salonId, version: dialogue.version },
    data: { state: next as unknown as Prisma.InputJsonObject, version: { increment: 1 }, expiresAt },
  });
  return count === 1;
}

/**
 * Whether this turn is the dialogue's: it is waiting for an answer (a question asked, not yet stale),
 * or it already answered this very turn (`turnKey`: a retried webhook gets the same answer again).
 */
export async function isDialogueTurn(salonId: string, key: string, turnKey: string, now: Date): Promise<boolean> {
  const row = await db.receptionistDialogue.findUnique({ where: { salonId_key: { salonId, key } }, select: { state: true, expiresAt: true } });
  const state = row && parseDialogueState(row.state);
  if (!row || !state) return false;
  if (state.last?.turnKey === turnKey) return true;
  return row.expiresAt.getTime() > now.getTime() && state.at.step !== "idle";
}
