// Sends the stand-in's events to the app's webhook signed as Stripe signs them (the SDK's
// generateTestHeaderString makes the Stripe-Signature header), retrying a failed delivery a few times.
// The control endpoint can hold events back and release them reversed, or send one again, late.
import Stripe from "stripe";
import type { StandInLog } from "./log";

/** The Stripe-Signature header Stripe would send with `payload` (the SDK's own signing code). */
export function stripeSignatureHeader(payload: string, secret: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret });
}
import type { StripeJson } from "./objects";

export type WebhookTarget = { url: string; secret: string };
export type DeliveryRecord = { eventId: string; type: string; status: number | "error"; attempt: number; at: string };

const RETRIES = 3;

export class EventDelivery {
  private held: StripeJson[] = [];
  private holding = false;
  private timers = new Set<NodeJS.Timeout>();
  readonly deliveries: DeliveryRecord[] = [];

  constructor(
    private readonly deps: { target: () => WebhookTarget | undefined; delayMs: number; log: StandInLog },
  ) {}

  /** Events from now on wait for release() instead of being sent. */
  hold(): void {
    this.holding = true;
  }

  /** Sends the held events (in the order they happened, or reversed) and stops holding. */
  async release(order: "sent" | "reverse" = "sent"): Promise<string[]> {
    const events = order === "reverse" ? [...this.held].reverse() : this.held;
    this.held = [];
    this.holding = false;
    for (const event of events) await this.send(event);
    return events.map((e) => String(e.id));
  }

  /** A new event: sent after the configured pause (or held). */
  enqueue(event: StripeJson): void {
    if (this.holding) this.held.push(event);
    else this.later(event, this.deps.delayMs);
  }

  /** Sends `event` `times` times at once after `delayMs` (a late or duplicated delivery). */
  async redeliver(event: StripeJson, opts: { times?: number; delayMs?: number } = {}): Promise<void> {
    if (opts.delayMs) await new Promise<void>((resolve) => this.timer(resolve, opts.delayMs ?? 0));
    await Promise.all(Array.from({ length: opts.times ?? 1 }, () => this.send(event)));
  }

  cancelPending(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.held = [];
  }

  private timer(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private later(event: StripeJson, ms: number): void {
    this.timer(() => void this.send(event), ms);
  }

  /** One delivery with retries; resolves with the last HTTP status. */
  async send(event: StripeJson, attempt = 1): Promise<number | "error"> {
    const target = this.deps.target();
    if (!target) return "error";
    const payload = JSON.stringify(event);
    const header = stripeSignatureHeader(payload, target.secret);
    let status: number | "error";
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": header },
        body: payload,
      });
      await res.arrayBuffer();
      status = res.status;
    } catch (err) {
      this.deps.log.warn({ err, eventId: event.id }, "stripe stand-in could not deliver an event");
      status = "error";
    }
    this.deliveries.push({ eventId: String(event.id), type: String(event.type), status, attempt, at: new Date().toISOString() });
    const failed = status === "error" || status >= 300;
    if (failed && attempt < RETRIES) {
      await new Promise<void>((resolve) => this.timer(resolve, this.deps.delayMs * 4 * attempt));
      return this.send(event, attempt + 1);
    }
    return status;
  }
}
