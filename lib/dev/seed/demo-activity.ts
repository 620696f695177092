// The demo salon's people and history: stylists, services, customers, the book a week back and a week
// ahead, the texts those appointments caused, and the conversations customers had with the salon.
// Deterministic apart from ids and the seed moment (seeded PRNGs), so every fresh start looks alike.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  buildAppointmentTexts,
  type DemoBook,
  type DemoTextCustomer,
} from "@/lib/dev/seed/demo-appointment-texts";
import { momentBetween, wallTime, type DemoClock } from "@/lib/dev/seed/demo-clock";
import { buildDemoConversations, type ConversationSalon } from "@/lib/dev/seed/demo-conversations";
import { prng } from "@/lib/dev/prng";
import { DEMO_SERVICES, DEMO_STYLISTS } from "@/lib/dev/seed/demo-staff";
import { buildDemoSchedule } from "@/lib/dev/seed/demo-schedule";

const FIRST = (
  "Ava Liam Sofia Noah Isabella Mateo Chloe Ethan Priya Marcus Hana Olivia Diego Grace Lucas Emma " +
  "Jasmine Omar Zoe Leo Nina Samuel Aaliyah Ben Carmen Daniel Elena Felix Gabriela Henry Iris " +
  "Jonah Keiko Luca Mia Nathan Ophelia Pablo Quinn Rosa Simone Theo Uma Victor Wendy Xavier Yara " +
  "Zach"
).split(" ");
const LAST = (
  "Martinez Nguyen Johnson Patel Kim Garcia Brown Rossi Okafor Silva Cohen Walker Tanaka Reyes " +
  "Fischer Haddad Lopez Bennett Moreau Schmidt Alvarez Costa Dubois Evans Fernandez Gupta Hughes " +
  "Ito Jensen Khan Larsen Murphy Novak O'Brien Price Quintero Russo Sato Thompson Ueda Vargas " +
  "Wright Yilmaz Zhang Ali Becker Castro Dunn"
).split(" ");
/** Replied STOP five days ago: nothing reaches them, and their coming appointment shows "Opted out". */
const OPTED_OUT = 5;
/** Customers beyond the regulars: a salon's book holds a few hundred. */
const MORE_CUSTOMERS = 260;
/** Gave a landline: every text to them fails, as the Notifications page shows. */
const LANDLINE = 10;

export type DemoActivityInput = {
  salonId: string;
  clock: DemoClock;
  salon: ConversationSalon & { name: string; reminderOffsetsMinutes: number[]; autoConfirm: boolean };
};

function buildPeople(salonId: string, clock: DemoClock) {
  const id = (): string => randomUUID();
  const employees = DEMO_STYLISTS.map(({ performs: _performs, daysOff: _daysOff, ...stylist }) => ({ id: id(), salonId, ...stylist }));
  const services = DEMO_SERVICES.map((service) => ({ id: id(), salonId, ...service }));
  const serviceIdByName = new Map(services.map((s) => [s.name, s.id]));
  const employeeServices: Prisma.EmployeeServiceCreateManyInput[] = DEMO_STYLISTS.flatMap((stylist, i) =>
    stylist.performs.map((name) => ({ salonId, employeeId: employees[i]!.id, serviceId: serviceIdByName.get(name)! })),
  );
  const timeOff: Prisma.EmployeeTimeOffCreateManyInput[] = DEMO_STYLISTS.flatMap((stylist, i) =>
    stylist.daysOff.map((day) => ({
      salonId,
      employeeId: employees[i]!.id,
      startsAt: wallTime(clock, day, 0),
      endsAt: wallTime(clock, day + 1, 0),
      note: "Long weekend",
    })),
  );
  // An early-evening STOP, five days back.
  const optedOutAt =
    momentBetween(clock, prng(5), wallTime(clock, -5, 17 * 60), wallTime(clock, -5, 21 * 60)) ??
    wallTime(clock, -5, 18 * 60);
  // The regulars first (their texts and calls make the demo's conversations), then the rest of the book.
  const names = [
    ...FIRST.map((first, i) => [first, LAST[i]!] as const),
    ...Array.from({ length: MORE_CUSTOMERS }, (_, i) => [FIRST[(i * 7 + 3) % FIRST.length]!, LAST[(i * 13 + 5) % LAST.length]!] as const),
  ];
  const customers = names.map(([first, last], i) => ({
    id: id(),
    salonId,
    name: `${first} ${last}`,
    phone: i < FIRST.length ? `+1415555${String(2000 + i * 7).padStart(4, "0")}` : `+1510555${String(3000 + i).padStart(4, "0")}`,
    email: i % 3 === 0 ? `${first.toLowerCase()}@example.com` : null,
    smsConsent: i === OPTED_OUT ? ("OPTED_OUT" as const) : ("OPTED_IN" as const),
    optedOutAt: i === OPTED_OUT ? optedOutAt : null,
    firstTextedAt: wallTime(clock, -60, 12 * 60),
    lastMessageAt: null as Date | null,
    conversationReadAt: null as Date | null,
    landline: i === LANDLINE,
  }));
  return { employees, services, employeeServices, timeOff, customers };
}

export function buildDemoActivity({ salonId, clock, salon }: DemoActivityInput) {
  const { employees, services, employeeServices, timeOff, customers } = buildPeople(salonId, clock);
  const servicesById = new Map(services.map((s) => [s.id, s]));
  const appointments = buildDemoSchedule({
    salonId,
    clock,
    rand: prng(42),
    stylists: DEMO_STYLISTS.flatMap((stylist, i) =>
      stylist.active
        ? [
            {
              id: employees[i]!.id,
              hours: stylist.workingHours,
              services: employeeServices.filter((es) => es.employeeId === employees[i]!.id).map((es) => servicesById.get(es.serviceId)!),
              daysOff: stylist.daysOff,
            },
          ]
        : [],
    ),
    customerIds: customers.map((c) => c.id),
    optedOutCustomerId: customers[OPTED_OUT]!.id,
    id: randomUUID,
  });
  const book: DemoBook = {
    salon: {
      id: salonId,
      name: salon.name,
      timeZone: clock.timeZone,
      reminderOffsetsMinutes: salon.reminderOffsetsMinutes,
      autoConfirm: salon.autoConfirm,
    },
    clock,
    customers: new Map<string, DemoTextCustomer>(customers.map((c) => [c.id, c])),
    employeeNames: new Map(employees.map((e) => [e.id as string, e.name])),
    serviceNames: new Map(services.map((s) => [s.id, s.name])),
  };
  const appointmentTexts = buildAppointmentTexts(book, prng(17), appointments);
  const balayage = services.find((s) => s.name === "Balayage")!;
  const conversations = buildDemoConversations({
    book,
    salon,
    rand: prng(23),
    appointments,
    texts: appointmentTexts,
    balayagePrice: `$${balayage.priceCents / 100}`,
  });
  const texts = [...appointmentTexts, ...conversations.texts];
  return {
    employees,
    services: services.map(({ weight: _weight, ...s }) => s),
    employeeServices,
    employeeTimeOff: timeOff,
    customers: customers.map(({ landline: _landline, ...c }) => ({ ...c, ...conversations.marks.get(c.id) })),
    appointments,
    notifications: texts.map((t) => t.notification),
    notificationEvents: texts.flatMap((t) => t.events),
    inboundMessages: conversations.inboundMessages,
  };
}
