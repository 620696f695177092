// Staff notes on a call: scoped by salonId in the where clause, so another salon's call is a 404.
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { getCallLog } from "@/lib/calls/get-call-log";
import type { UpdateCallNotesInput } from "@/lib/validations/calls";

export async function updateCallNotes(salonId: string, id: string, input: UpdateCallNotesInput) {
  const notes = input.notes?.trim() ? input.notes.trim() : null;
  const { count } = await salonDb(salonId).callLog.updateMany({ where: { id, salonId }, data: { notes } });
  if (count === 0) throw notFound("Call");
  return getCallLog(salonId, id);
}
