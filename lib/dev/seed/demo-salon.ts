// The demo salon itself (profile, hours, number) and every row of its history, built in memory from
// one moment: people, the book, texts and conversations, calls and their timelines. Pure apart from
// random ids, so tests can build it for any moment (a Sunday, a DST change) without a database.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BusinessHours } from "@/lib/salons/business-hours";
import { buildDemoActivity } from "@/lib/dev/seed/demo-activity";
import { buildDemoCallTimelines } from "@/lib/dev/seed/demo-call-timelines";
import { withDemoSummaries } from "@/lib/dev/seed/demo-calls";
import { buildDemoCalls } from "@/lib/dev/seed/demo-calls";
import type { DemoClock } from "@/lib/dev/seed/demo-clock";
import { prng } from "@/lib/dev/prng";

export const DEMO_SALON_SLUG = "luxe-hair-studio";
const DEMO_NUMBER = "+14155550142";
const DEMO_NUMBER_SID = "PN0000000000000000000000000000demo";
export const DEMO_TIME_ZONE = "America/Los_Angeles";
const FRONT_DESK = "+14155550199";

const WEEKDAY = [{ open: "09:00", close: "19:00" }];
export const DEMO_HOURS: BusinessHours = {
  mon: WEEKDAY,
  tue: WEEKDAY,
  wed: WEEKDAY,
  thu: [{ open: "09:00", close: "20:00" }],
  fri: WEEKDAY,
  sat: [{ open: "09:00", close: "17:00" }],
  sun: [],
};

export const DEMO_SALON_PROFILE = {
  name: "Luxe Hair Studio",
  slug: DEMO_SALON_SLUG,
  timeZone: DEMO_TIME_ZONE,
  addressLine1: "1234 Valencia Street",
  city: "San Francisco",
  region: "CA",
  postalCode: "94110",
  phone: FRONT_DESK,
  forwardingPhone: FRONT_DESK,
  businessHours: DEMO_HOURS,
  greeting: "Thanks for calling Luxe Hair Studio, where great hair days begin.",
  autoReply: "Thanks for texting Luxe Hair Studio! A stylist will get back to you shortly.",
  bookingInstructions: "Book online at luxehair.example/book or reply with a day and time that suits you.",
  autoConfirm: true,
  twilioNumber: DEMO_NUMBER,
  twilioNumberSid: DEMO_NUMBER_SID,
  subscriptionStatus: "ACTIVE",
} satisfies Prisma.SalonCreateInput;

/** The salon row as created (its defaults included) and who answers texts in the inbox. */
export type DemoRowsInput = {
  salon: {
    id: string;
    quietHoursStart: string;
    quietHoursEnd: string;
    reminderOffsetsMinutes: number[];
  };
  ownerId: string;
  staffId: string;
  /** The Twilio account the voicemail recordings' URLs name (null when none is configured). */
  accountSid: string | null;
  now: Date;
};

export function buildDemoRows({ salon, ownerId, staffId, accountSid, now }: DemoRowsInput) {
  const profile = DEMO_SALON_PROFILE;
  const clock: DemoClock = {
    timeZone: profile.timeZone,
    now,
    hours: DEMO_HOURS,
    quietHours: { start: salon.quietHoursStart, end: salon.quietHoursEnd },
  };
  const activity = buildDemoActivity({
    salonId: salon.id,
    clock,
    salon: {
      name: profile.name,
      reminderOffsetsMinutes: salon.reminderOffsetsMinutes,
      autoConfirm: profile.autoConfirm,
      autoReply: profile.autoReply,
      forwardingPhone: profile.forwardingPhone,
      twilioNumber: profile.twilioNumber,
      ownerId,
      staffId,
    },
  });
  const calls = buildDemoCalls({
    salonId: salon.id,
    salonNumber: profile.twilioNumber,
    forwardingPhone: profile.forwardingPhone,
    clock,
    customers: activity.customers.map((c) => ({ id: c.id, name: c.name, phone: c.phone })),
    accountSid,
    rand: prng(7),
  });
  const timelines = buildDemoCallTimelines({
    calls,
    salonName: profile.name,
    forwardingPhone: profile.forwardingPhone,
    bookingInstructions: profile.bookingInstructions,
    optedOutSince: new Map(
      activity.customers.flatMap((c) => (c.optedOutAt ? [[c.phone, c.optedOutAt] as const] : [])),
    ),
    now,
    rand: prng(11),
  });
  return {
    ...activity,
    calls: withDemoSummaries(calls, timelines.events, now),
    callEvents: timelines.events,
    notifications: [...activity.notifications, ...timelines.notifications],
    notificationEvents: [...activity.notificationEvents, ...timelines.notificationEvents],
  };
}

export type DemoRows = ReturnType<typeof buildDemoRows>;
