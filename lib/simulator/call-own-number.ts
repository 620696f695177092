// "Call your number now": a signed-in member's simulated call to their own salon's number, sandbox only.
import { placeTestCall, type TestCall, type WebhookTransport } from "@/lib/simulator/place-test-call";
import { salonLine } from "@/lib/simulator/salon-line";

export async function callOwnNumber(
  salonId: string,
  opts: { transport?: WebhookTransport; now?: Date } = {},
): Promise<TestCall> {
  return placeTestCall({ ...(await salonLine(salonId)), transport: opts.transport, now: opts.now });
}
