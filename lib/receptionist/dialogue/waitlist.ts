// The dialogue's door to the waitlist (lib/waitlist/, helper W's): joining it for the service and time
// a customer asked about. Until that lands, the dialogue offers no waitlist.
import type { Turn } from "@/lib/receptionist/dialogue/context";
import type { Draft } from "@/lib/receptionist/dialogue/state";

export function waitlistAvailable(): boolean {
  return false;
}

export async function joinWaitlistFor(_turn: Turn, _draft: Draft): Promise<void> {
  throw new Error("The waitlist is not available yet");
}
