// The waitlist's statuses and timing rules in one place, so offering, answering and the staff list agree.

/** waitlist_entries.status (text: see the model's comment). */
export const ENTRY_STATUS = {
  WAITING: "WAITING",
  OFFERED: "OFFERED",
  BOOKED: "BOOKED",
  REMOVED: "REMOVED",
  EXPIRED: "EXPIRED",
} as const;
export type EntryStatus = (typeof ENTRY_STATUS)[keyof typeof ENTRY_STATUS];

/** Entries still waiting for a time: offered a slot, or not yet. */
export const OPEN_ENTRY_STATUSES: EntryStatus[] = [ENTRY_STATUS.WAITING, ENTRY_STATUS.OFFERED];

/** waitlist_offers.status. */
export const OFFER_STATUS = { SENT: "SENT", TAKEN: "TAKEN", LOST: "LOST", EXPIRED: "EXPIRED" } as const;

const MINUTE = 60_000;

/**
 * How many waiting customers one freed slot is offered to at once, in waitlist order (oldest first);
 * the first to answer gets it. A few rather than everyone: the rest are not disturbed for a slot
 * that is most likely gone, and the next cancellation reaches them.
 */
export const OFFERS_PER_SLOT = 3;

/** An offer can be taken for this long after it goes out… */
const OFFER_TTL_MS = 120 * MINUTE;
/** …and never later than this before the slot starts (time to get to the salon). */
const OFFER_LEAD_MS = 60 * MINUTE;
/** An offer whose answering window would be shorter than this is not sent at all. */
const MIN_ANSWER_WINDOW_MS = 15 * MINUTE;

/** Without a stated window, a customer waits for a time in the next two weeks. */
export const DEFAULT_WINDOW_MS = 14 * 24 * 60 * MINUTE;

/** Until when an offer sent (or released from quiet hours) at `sendableAt` can be taken. */
export function offerExpiry(sendableAt: Date, slotStartsAt: Date): Date {
  return new Date(Math.min(sendableAt.getTime() + OFFER_TTL_MS, slotStartsAt.getTime() - OFFER_LEAD_MS));
}

/** Whether an offer going out at `sendableAt` leaves the customer enough time to answer. */
export function worthOffering(sendableAt: Date, expiresAt: Date): boolean {
  return expiresAt.getTime() - sendableAt.getTime() >= MIN_ANSWER_WINDOW_MS;
}
