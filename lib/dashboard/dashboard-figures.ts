// The dashboard's figures as the charts get them, and the two ratios drawn from them. Client-safe (the
// charts draw in the browser); the figures come from lib/dashboard/get-dashboard-charts.ts.
import type { CallReason } from "@/lib/generated/prisma/enums";

export type DashboardBucket = {
  /** The bucket's start as salon wall time, "yyyy-MM-ddTHH:mm". */
  at: string;
  calls: number;
  staff: number;
  /** Answered or booked by Bolt (the outcomes ANSWERED_BY_BOLT and BOOKED_BY_BOLT). */
  bolt: number;
  voicemail: number;
  missed: number;
  inProgress: number;
  /** Calls on which Bolt booked or moved an appointment (servedByBolt = BOOKED, even if a voicemail followed). */
  bookedByBolt: number;
  /** Calls with a length (connected), and their seconds: an average needs both to add up across buckets. */
  timedCalls: number;
  callSeconds: number;
  /** Texts handed to the carrier in the bucket, those delivered, those that failed (before or after the carrier). */
  textsSent: number;
  textsDelivered: number;
  textsFailed: number;
  /** Handed to the carrier, with no word yet on delivery (status SENT). */
  textsAwaiting: number;
  optOuts: number;
};

export type DashboardCharts = {
  buckets: DashboardBucket[];
  totals: Omit<DashboardBucket, "at">;
  /** Calls per weekday (0 = Sunday) and hour on the salon's clock, since period.busiestFrom; only non-zero cells. */
  busiestTimes: Array<{ weekday: number; hour: number; calls: number }>;
  /** Most first; null: the call never got as far as saying what it was about. */
  reasons: Array<{ reason: CallReason | null; calls: number }>;
  /** Failed texts by what went wrong, in words; most first. */
  failures: Array<{ reason: string; texts: number }>;
};

/** Seconds per connected call, or null when none had a length. */
export const averageCallSeconds = (b: Pick<DashboardBucket, "timedCalls" | "callSeconds">) =>
  b.timedCalls > 0 ? Math.round(b.callSeconds / b.timedCalls) : null;

/** Delivered out of those handed to the carrier, 0–1, or null with nothing sent. */
export const deliveryRate = (b: Pick<DashboardBucket, "textsSent" | "textsDelivered">) =>
  b.textsSent > 0 ? b.textsDelivered / b.textsSent : null;
