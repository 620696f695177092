// The dialogue's door to the waitlist (lib/waitlist/): a customer who asks for it — or picks "join the
// waitlist" when nothing fits — waits for the service, stylist and time they asked about; when a booking
// in that window is cancelled, lib/waitlist/ offers them the freed time by text.
import { ApiError } from "@/lib/api/errors";
import type { Turn } from "@/lib/receptionist/dialogue/context";
import type { Draft } from "@/lib/receptionist/dialogue/state";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";

export async function joinWaitlistFor(turn: Turn, draft: Draft): Promise<void> {
  const input = {
    customerId: turn.customerId,
    serviceId: draft.serviceId ?? null,
    employeeId: draft.employeeId ?? null,
    language: turn.language,
    now: turn.now,
  };
  const window = draft.when ? { start: new Date(draft.when.start), end: new Date(draft.when.end) } : undefined;
  try {
    await joinWaitlist(turn.salon.id, { ...input, window });
  } catch (err) {
    // A window already past (or empty) still means "tell me when something opens": the default window.
    if (!(err instanceof ApiError) || !window) throw err;
    await joinWaitlist(turn.salon.id, input);
  }
}
