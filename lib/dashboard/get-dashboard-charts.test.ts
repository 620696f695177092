// The dashboard's aggregates against a small fixed data set whose buckets are counted by hand: New York
// across the spring-forward night (Sunday Mar 8 2026, 2 AM EST → 3 AM EDT), with a second salon holding the
// same rows, which must never count. The clock is passed in; nothing here reads the wall clock.
import { describe, expect, it } from "vitest";
import { parseCallsQuery } from "@/components/calls/calls-query";
import { listCallLogsPage } from "@/lib/calls/queries";
import { dashboardPeriod, periodCallsHref } from "@/lib/dashboard/dashboard-period";
import { averageCallSeconds, deliveryRate, type DashboardBucket } from "@/lib/dashboard/dashboard-figures";
import { getDashboardCharts } from "@/lib/dashboard/get-dashboard-charts";
import { describeTwilioError } from "@/lib/telephony/error-codes";
import { createCallLog, createCustomer, createNotification, createSalon } from "@/lib/testing/factories";

const TZ = "America/New_York";
const at = (iso: string) => new Date(iso);

async function seed(salonId: string) {
  const call = (startedAt: string, fields: Parameters<typeof createCallLog>[1]) => createCallLog(salonId, { startedAt: at(startedAt), ...fields });
  await Promise.all([
    call("2026-03-04T04:59:00Z", { status: "NO_ANSWER" }), // Tue Mar 3, 11:59 PM EST: before the 7 days
    call("2026-03-04T05:00:00Z", { status: "NO_ANSWER" }), // Wed Mar 4, midnight: missed
    call("2026-03-07T15:30:00Z", { status: "COMPLETED", reason: "HOURS", durationSeconds: 60 }), // Sat 10:30 AM: Bolt
    // Sat Mar 7, 11:30 PM EST (already Mar 8 in UTC): staff
    call("2026-03-08T04:30:00Z", { status: "COMPLETED", answeredAt: at("2026-03-08T04:30:20Z"), durationSeconds: 120 }),
    // Sun Mar 8, 1:30 AM EST: Bolt booked it
    call("2026-03-08T06:30:00Z", { status: "COMPLETED", reason: "BOOKING", servedByBolt: "BOOKED", durationSeconds: 90 }),
    // Sun Mar 8, 3:30 AM EDT (the clocks jumped at 07:00Z): a voicemail
    call("2026-03-08T07:30:00Z", { status: "COMPLETED", reason: "VOICEMAIL", recordingSid: `RE${salonId}`, durationSeconds: 45 }),
    call("2026-03-10T15:00:00Z", { status: "IN_PROGRESS" }), // Tue Mar 10, 11 AM EDT: still on the line
    call("2026-03-11T03:59:00Z", { status: "BUSY" }), // Tue Mar 10, 11:59 PM EDT: missed
  ]);
  const text = (fields: Parameters<typeof createNotification>[1]) => createNotification(salonId, fields);
  await Promise.all([
    // A reminder made on Mar 1, sent Mon Mar 9 10 AM EDT: counts on the day it went out.
    text({ status: "DELIVERED", createdAt: at("2026-03-01T15:00:00Z"), sentAt: at("2026-03-09T14:00:00Z") }),
    text({ status: "UNDELIVERED", errorCode: "30003", createdAt: at("2026-03-09T15:00:00Z"), sentAt: at("2026-03-09T15:00:00Z"), failedAt: at("2026-03-09T15:01:00Z") }),
    text({ status: "FAILED", errorCode: "21610", createdAt: at("2026-03-08T06:00:00Z"), failedAt: at("2026-03-08T06:00:00Z") }), // Sun 1 AM EST
    text({ status: "FAILED", errorCode: "30003", createdAt: at("2026-03-10T12:00:00Z"), failedAt: at("2026-03-10T12:00:00Z") }),
    text({ status: "QUEUED", createdAt: at("2026-03-09T12:00:00Z"), scheduledFor: at("2026-03-12T12:00:00Z") }), // not sent yet
    text({ status: "DELIVERED", channel: "EMAIL", createdAt: at("2026-03-09T12:00:00Z"), sentAt: at("2026-03-09T12:00:00Z") }), // not a text
    text({ status: "SENT", createdAt: at("2026-03-04T04:00:00Z"), sentAt: at("2026-03-04T04:30:00Z") }), // Tue Mar 3, 11:30 PM EST: before
    text({ status: "DELIVERED", createdAt: at("2026-03-04T05:30:00Z"), sentAt: at("2026-03-04T05:30:00Z") }), // Wed Mar 4
    text({ status: "SENT", createdAt: at("2026-03-10T13:00:00Z"), sentAt: at("2026-03-10T13:00:00Z") }), // Tue: no word from the carrier yet
  ]);
  await Promise.all([
    createCustomer(salonId, { smsConsent: "OPTED_OUT", optedOutAt: at("2026-03-08T06:00:00Z") }), // Sun Mar 8
    createCustomer(salonId, { smsConsent: "OPTED_OUT", optedOutAt: at("2026-03-03T12:00:00Z") }), // before
    createCustomer(salonId),
  ]);
}

const ZERO: Omit<DashboardBucket, "at"> = {
  calls: 0, staff: 0, bolt: 0, voicemail: 0, missed: 0, inProgress: 0, bookedByBolt: 0,
  timedCalls: 0, callSeconds: 0, textsSent: 0, textsDelivered: 0, textsFailed: 0, textsAwaiting: 0, optOuts: 0,
};
const bucket = (at: string, counts: Partial<DashboardBucket> = {}): DashboardBucket => ({ at, ...ZERO, ...counts });
const UNREACHABLE = describeTwilioError("30003");
const OPTED_OUT = describeTwilioError("21610");

describe("getDashboardCharts", () => {
  it("counts each salon-local day and hour by hand, across a DST change, and never another salon's rows", async () => {
    const [salon, other] = await Promise.all([createSalon({ timeZone: TZ }), createSalon({ timeZone: TZ })]);
    await Promise.all([seed(salon.id), seed(other.id)]);

    // Tuesday Mar 10, 11:59:59 PM EDT: the 7 days are Wed Mar 4 through today.
    const week = dashboardPeriod("7d", at("2026-03-11T03:59:59Z"), TZ);
    expect(week).toMatchObject({ bucket: "day", firstDay: "2026-03-04", today: "2026-03-10", from: at("2026-03-04T05:00:00Z"), to: at("2026-03-11T04:00:00Z") });
    const charts = await getDashboardCharts(salon.id, week);
    expect(charts.buckets).toEqual([
      bucket("2026-03-04T00:00", { calls: 1, missed: 1, textsSent: 1, textsDelivered: 1 }),
      bucket("2026-03-05T00:00"),
      bucket("2026-03-06T00:00"),
      bucket("2026-03-07T00:00", { calls: 2, staff: 1, bolt: 1, timedCalls: 2, callSeconds: 180 }),
      bucket("2026-03-08T00:00", { calls: 2, bolt: 1, voicemail: 1, bookedByBolt: 1, timedCalls: 2, callSeconds: 135, textsFailed: 1, optOuts: 1 }),
      bucket("2026-03-09T00:00", { textsSent: 2, textsDelivered: 1, textsFailed: 1 }),
      bucket("2026-03-10T00:00", { calls: 2, inProgress: 1, missed: 1, textsSent: 1, textsFailed: 1, textsAwaiting: 1 }),
    ]);
    expect(charts.totals).toEqual({ ...ZERO, calls: 7, staff: 1, bolt: 2, voicemail: 1, missed: 2, inProgress: 1, bookedByBolt: 1, timedCalls: 4, callSeconds: 315, textsSent: 4, textsDelivered: 2, textsFailed: 3, textsAwaiting: 1, optOuts: 1 });
    expect(averageCallSeconds(charts.totals)).toBe(79); // 315 / 4 = 78.75
    expect(deliveryRate(charts.totals)).toBe(0.5);
    // Weekday 0 is Sunday; the hours are the salon's (EST before the change, EDT after).
    expect(charts.busiestTimes).toEqual([
      { weekday: 0, hour: 1, calls: 1 },
      { weekday: 0, hour: 3, calls: 1 },
      { weekday: 2, hour: 11, calls: 1 },
      { weekday: 2, hour: 23, calls: 1 },
      { weekday: 3, hour: 0, calls: 1 },
      { weekday: 6, hour: 10, calls: 1 },
      { weekday: 6, hour: 23, calls: 1 },
    ]);
    expect(charts.reasons).toEqual([
      { reason: null, calls: 4 },
      { reason: "HOURS", calls: 1 },
      { reason: "BOOKING", calls: 1 },
      { reason: "VOICEMAIL", calls: 1 },
    ]);
    expect(charts.failures).toEqual([{ reason: UNREACHABLE, texts: 2 }, { reason: OPTED_OUT, texts: 1 }]);

    // The figures' links list exactly the calls they count.
    const listed = async (href: string) => {
      const params = Object.fromEntries(new URL(href, "http://bolt.test").searchParams);
      return (await listCallLogsPage(salon.id, { ...parseCallsQuery(params).query, pageSize: 100 })).rows.length;
    };
    expect(await listed(periodCallsHref(week))).toBe(charts.totals.calls);
    expect(await listed(periodCallsHref(week, "MISSED"))).toBe(charts.totals.missed);
  });

  it("today is the salon's day by hour (23 hours on the spring-forward day); busiest times still cover a week", async () => {
    const salon = await createSalon({ timeZone: TZ });
    await seed(salon.id);
    // Sunday Mar 8, 11 PM EDT.
    const today = dashboardPeriod("today", at("2026-03-09T03:00:00Z"), TZ);
    expect(today.to.getTime() - today.from.getTime()).toBe(23 * 3_600_000);
    expect(today.busiestFrom).toEqual(at("2026-03-02T05:00:00Z"));
    const charts = await getDashboardCharts(salon.id, today);
    expect(charts.buckets).toHaveLength(24);
    expect(charts.buckets.filter((b) => b.calls || b.textsFailed || b.optOuts)).toEqual([
      bucket("2026-03-08T01:00", { calls: 1, bolt: 1, bookedByBolt: 1, timedCalls: 1, callSeconds: 90, textsFailed: 1, optOuts: 1 }),
      bucket("2026-03-08T03:00", { calls: 1, voicemail: 1, timedCalls: 1, callSeconds: 45 }),
    ]);
    expect(charts.reasons).toEqual([{ reason: "BOOKING", calls: 1 }, { reason: "VOICEMAIL", calls: 1 }]);
    // Mon Mar 2 through Sunday: the Tuesday 11:59 PM call of the week before counts here.
    expect(charts.busiestTimes.map((c) => [c.weekday, c.hour])).toEqual([[0, 1], [0, 3], [2, 23], [3, 0], [6, 10], [6, 23]]);

    const month = dashboardPeriod("30d", at("2026-03-09T03:00:00Z"), TZ);
    expect(month).toMatchObject({ firstDay: "2026-02-07", buckets: expect.arrayContaining(["2026-02-07T00:00", "2026-03-08T00:00"]) });
    expect(month.buckets).toHaveLength(30);
    expect(month.busiestFrom).toEqual(month.from);
  });
});
