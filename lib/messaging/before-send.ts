// Last-moment checks other modules hang on the delivery job, per notification kind. The reminders
// module registers one for REMINDER: it cancels a reminder whose appointment was cancelled or moved
// and re-renders the time text ("today at 3:30 PM") at the moment the text actually goes out; the
// calls module one for MISSED_CALL: a text-back held overnight is dropped if the caller got through since.
import type { NotificationKind } from "@/lib/generated/prisma/client";
import { mapLimit } from "@/lib/jobs/map-limit";

/** What the hook sees: the notification as it stands plus the salon facts it usually needs. */
export type BeforeSendInput = {
  id: string;
  salonId: string;
  kind: NotificationKind;
  body: string;
  destination: string;
  appointmentId: string | null;
  customerId: string | null;
  employeeId: string | null;
  scheduledFor: Date | null;
  /** When the text was queued: what happened since may make it pointless. */
  createdAt: Date;
  salon: { id: string; name: string; timeZone: string };
  /** The moment of the send check. */
  now: Date;
};

/** `cancel` ends the notification as CANCELED with the reason; `body` replaces the text to send. */
export type BeforeSendDecision = { cancel: string } | { body?: string };

export type BeforeSendHook = (notification: BeforeSendInput) => Promise<BeforeSendDecision>;

/** Decides for a whole delivery batch at once (one query for 50 reminders instead of 50): one decision per input, in order. */
export type BeforeSendBatchHook = (notifications: BeforeSendInput[]) => Promise<BeforeSendDecision[]>;

const hooks = new Map<NotificationKind, BeforeSendBatchHook>();

/** Per-notification hooks run this many at a time within a batch. */
const HOOK_CONCURRENCY = 16;

/** Registers (or replaces) the hook for one kind. Call at module load of the owning module. */
export function registerBeforeSend(kind: NotificationKind, hook: BeforeSendHook): void {
  hooks.set(kind, (inputs) => mapLimit(inputs, HOOK_CONCURRENCY, hook));
}

/** Same, for a hook that handles the batch itself (preferred on hot paths such as reminders). */
export function registerBeforeSendBatch(kind: NotificationKind, hook: BeforeSendBatchHook): void {
  hooks.set(kind, hook);
}

export function hasBeforeSendHook(kind: NotificationKind): boolean {
  return hooks.has(kind);
}

/** Runs the registered hooks over a batch (grouped by kind); kinds without one get `{}`. */
export async function runBeforeSendHooks(inputs: BeforeSendInput[]): Promise<BeforeSendDecision[]> {
  const decisions = new Array<BeforeSendDecision>(inputs.length).fill({});
  const byKind = new Map<NotificationKind, number[]>();
  inputs.forEach((input, i) => {
    if (hooks.has(input.kind)) byKind.set(input.kind, [...(byKind.get(input.kind) ?? []), i]);
  });
  for (const [kind, indexes] of byKind) {
    const hook = hooks.get(kind) as BeforeSendBatchHook;
    const results = await hook(indexes.map((i) => inputs[i] as BeforeSendInput));
    if (results.length !== indexes.length)
      throw new Error(`before-send hook for ${kind} answered ${results.length} of ${indexes.length}`);
    indexes.forEach((i, j) => (decisions[i] = results[j] as BeforeSendDecision));
  }
  return decisions;
}

/** Tests that register hooks remove them again. */
export function clearBeforeSendHooks(): void {
  hooks.clear();
}
