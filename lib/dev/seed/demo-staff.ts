// The demo salon's team and menu: five stylists (one inactive) with their own weeks, breaks and
// specialties, and fourteen services in four categories at San Francisco prices. Every stylist's week
// sits inside the salon's hours (DEMO_HOURS), as the Staff form requires.
import type { BusinessHours } from "@/lib/salons/business-hours";

type Day = Array<{ open: string; close: string }>;
const span = (open: string, close: string): Day => [{ open, close }];
const withLunch = (open: string, close: string): Day => [
  { open, close: "13:00" },
  { open: "14:00", close },
];
const week = (days: Partial<BusinessHours>): BusinessHours => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [], ...days });

export type DemoServiceDef = {
  name: string;
  category: string;
  durationMinutes: number;
  priceCents: number;
  /** How often it is booked, relatively. */
  weight: number;
};

export const DEMO_SERVICES: DemoServiceDef[] = [
  { name: "Women's cut & style", category: "Cuts & styling", durationMinutes: 60, priceCents: 8500, weight: 6 },
  { name: "Men's cut", category: "Cuts & styling", durationMinutes: 30, priceCents: 4500, weight: 6 },
  { name: "Kids' cut", category: "Cuts & styling", durationMinutes: 30, priceCents: 3000, weight: 2 },
  { name: "Blowout", category: "Cuts & styling", durationMinutes: 45, priceCents: 5500, weight: 4 },
  { name: "Special-occasion updo", category: "Cuts & styling", durationMinutes: 75, priceCents: 11000, weight: 1 },
  { name: "Single-process color", category: "Color", durationMinutes: 90, priceCents: 12000, weight: 4 },
  { name: "Root touch-up", category: "Color", durationMinutes: 60, priceCents: 8500, weight: 3 },
  { name: "Partial highlights", category: "Color", durationMinutes: 120, priceCents: 16500, weight: 2 },
  { name: "Balayage", category: "Color", durationMinutes: 180, priceCents: 26000, weight: 2 },
  { name: "Gloss & tone", category: "Color", durationMinutes: 30, priceCents: 4500, weight: 2 },
  { name: "Deep conditioning", category: "Treatments", durationMinutes: 30, priceCents: 3500, weight: 2 },
  { name: "Scalp treatment", category: "Treatments", durationMinutes: 45, priceCents: 6000, weight: 1 },
  { name: "Keratin smoothing", category: "Texture", durationMinutes: 150, priceCents: 28000, weight: 1 },
  { name: "Curl cut & define", category: "Texture", durationMinutes: 75, priceCents: 9500, weight: 2 },
];

export type DemoStylistDef = {
  name: string;
  phone: string;
  email: string | null;
  active: boolean;
  workingHours: BusinessHours;
  /** Services they perform, by name. */
  performs: string[];
  /** Whole days off, counted from the seed's today (0), e.g. a long weekend next week. */
  daysOff: number[];
};

const CUTS = ["Women's cut & style", "Men's cut", "Kids' cut", "Blowout"];
const COLOR = ["Single-process color", "Root touch-up", "Partial highlights", "Balayage", "Gloss & tone"];

export const DEMO_STYLISTS: DemoStylistDef[] = [
  {
    // The senior cutter: Tuesday to Saturday, a lunch break on weekdays.
    name: "Sam Rivera",
    phone: "+14155550111",
    email: "sam@luxehair.example",
    active: true,
    workingHours: week({ tue: withLunch("09:00", "18:00"), wed: withLunch("09:00", "18:00"), thu: withLunch("10:00", "20:00"), fri: withLunch("09:00", "19:00"), sat: span("09:00", "17:00") }),
    performs: [...CUTS, "Special-occasion updo", "Deep conditioning"],
    daysOff: [],
  },
  {
    // The colorist: long days, Monday off most weeks but in on Mondays for color clients.
    name: "Alexis Moore",
    phone: "+14155550112",
    email: "alexis@luxehair.example",
    active: true,
    workingHours: week({ mon: span("10:00", "19:00"), wed: span("10:00", "19:00"), thu: span("11:00", "20:00"), fri: span("10:00", "19:00"), sat: span("09:00", "17:00") }),
    performs: [...COLOR, "Women's cut & style", "Blowout"],
    daysOff: [],
  },
  {
    // Part-time mornings: cuts and quick color.
    name: "Jamie Park",
    phone: "+14155550113",
    email: "jamie@luxehair.example",
    active: true,
    workingHours: week({ mon: span("09:00", "15:00"), tue: span("09:00", "15:00"), wed: span("09:00", "15:00"), fri: span("09:00", "15:00"), sat: span("09:00", "13:00") }),
    performs: [...CUTS, "Root touch-up", "Gloss & tone", "Deep conditioning", "Scalp treatment"],
    daysOff: [],
  },
  {
    // Texture and treatments, afternoons and evenings; taking a day off in the coming week.
    name: "Priya Shah",
    phone: "+14155550115",
    email: "priya@luxehair.example",
    active: true,
    workingHours: week({ tue: span("12:00", "19:00"), wed: span("12:00", "19:00"), thu: span("12:00", "20:00"), fri: withLunch("11:00", "19:00"), sat: span("09:00", "17:00") }),
    performs: ["Keratin smoothing", "Curl cut & define", "Deep conditioning", "Scalp treatment", "Blowout", "Women's cut & style"],
    daysOff: [4],
  },
  {
    // Left the salon: inactive, kept for the history.
    name: "Taylor Brooks",
    phone: "+14155550114",
    email: null,
    active: false,
    workingHours: week({}),
    performs: ["Men's cut"],
    daysOff: [],
  },
];
