// The receptionist's answers say exactly what was asked: a day's hours (a weekday, tomorrow, a date,
// a time), closures and holiday hours, both DST change days, a service's price and length, the address
// and parking — in English and Spanish, spoken and texted. The clock is always passed in.
import { describe, expect, it } from "vitest";
import { answerAddress } from "@/lib/receptionist/answers/address";
import { answerHours, type HoursQuestion } from "@/lib/receptionist/answers/hours";
import { answerPrice, formatDuration, type PricedService } from "@/lib/receptionist/answers/prices";
import type { WhenEntity } from "@/lib/receptionist/understanding";
import { describeOpenStatus, isOpenAt, nextOpening, businessHoursSchema } from "@/lib/salons/business-hours";
import type { SpecialDay } from "@/lib/salons/special-days";

const NY = "America/New_York";
const nine = (close: string) => [{ open: "09:00", close }];
// Mon–Fri 9–7, Sat 9–5, closed Sunday.
const WEEKDAYS = { businessHours: { mon: nine("19:00"), tue: nine("19:00"), wed: nine("19:00"), thu: nine("19:00"), fri: nine("19:00"), sat: nine("17:00") }, timeZone: NY };
// Tue–Sat 9–6, Sunday 10–4, closed Monday.
const SUNDAYS = { businessHours: { tue: nine("18:00"), wed: nine("18:00"), thu: nine("18:00"), fri: nine("18:00"), sat: nine("18:00"), sun: [{ open: "10:00", close: "16:00" }] }, timeZone: NY };
const HOLIDAYS: SpecialDay[] = [
  { date: "2026-12-24", periods: [], label: "Christmas Eve" },
  { date: "2026-12-25", periods: [], label: "Christmas Day" },
  { date: "2026-12-31", periods: [{ open: "09:00", close: "13:00" }], label: "New Year's Eve" },
];
// Wednesday 2026-12-09, noon in New York.
const WED_NOON = new Date("2026-12-09T17:00:00Z");
const date = (iso: string) => {
  const [year, month, day] = iso.split("-").map(Number);
  return { year: year!, month: month!, day: day! };
};
const when = (start: string, end: string, precision: WhenEntity["precision"], text = "then"): WhenEntity => ({ text, start: new Date(start), end: new Date(end), precision });
const ask = (q: Partial<HoursQuestion> & Pick<HoursQuestion, "salon">) => answerHours({ now: WED_NOON, ...q });

describe("answerHours: the day asked about", () => {
  it("answers a weekday yes or no, with when it opens again", () => {
    expect(ask({ salon: SUNDAYS, when: date("2026-12-13") })).toBe("Yes, we're open Sunday from 10 to 4.");
    expect(ask({ salon: SUNDAYS, when: date("2026-12-13"), language: "es" })).toBe("Sí, abrimos el domingo de 10 a 4.");
    expect(ask({ salon: WEEKDAYS, when: date("2026-12-13"), channel: "text" })).toBe("No, we're closed on Sunday. We're open again Monday from 9 AM to 7 PM.");
    expect(ask({ salon: WEEKDAYS, when: date("2026-12-13") })).toBe("No, we're closed on Sunday. We're open again Monday from 9 to 7.");
    expect(ask({ salon: WEEKDAYS, when: date("2026-12-13"), language: "es" })).toBe("No, el domingo cerramos. Volvemos a abrir el lunes de 9 a 7.");
    expect(ask({ salon: WEEKDAYS, when: date("2026-12-13"), language: "es", channel: "text" })).toBe(
      "No, el domingo cerramos. Volvemos a abrir el lunes de 9 a. m. a 7 p. m.",
    );
  });

  it("answers tomorrow and a date further out by name", () => {
    const tomorrow = when("2026-12-10T05:00:00Z", "2026-12-11T05:00:00Z", "day", "tomorrow");
    expect(ask({ salon: WEEKDAYS, when: tomorrow })).toBe("Yes, we're open tomorrow from 9 to 7.");
    expect(ask({ salon: WEEKDAYS, when: tomorrow, language: "es" })).toBe("Sí, abrimos mañana de 9 a 7.");
    expect(ask({ salon: WEEKDAYS, when: date("2026-12-19") })).toBe("Yes, we're open Saturday, December 19 from 9 to 5.");
    expect(ask({ salon: SUNDAYS, when: date("2026-12-14"), language: "es" })).toBe("No, el lunes cerramos. Volvemos a abrir el martes de 9 a 6.");
  });

  it("answers today by what is left of it", () => {
    const today = date("2026-12-09");
    expect(ask({ salon: WEEKDAYS, when: today })).toBe("Yes, we're open today until 7 PM.");
    expect(ask({ salon: WEEKDAYS, when: today, language: "es" })).toBe("Sí, hoy estamos abiertos hasta las 7 de la tarde.");
    expect(ask({ salon: WEEKDAYS, when: today, now: new Date("2026-12-09T13:00:00Z") })).toBe("Yes, we're open today from 9 to 7.");
    expect(ask({ salon: WEEKDAYS, when: today, now: new Date("2026-12-10T01:00:00Z") })).toBe(
      "We're closed for the rest of today. We're open again tomorrow from 9 to 7.",
    );
  });

  it("answers a time or a part of a day with that day's hours", () => {
    const saturdayAt6 = when("2026-12-12T23:00:00Z", "2026-12-12T23:01:00Z", "time");
    const saturdayMorning = when("2026-12-12T14:00:00Z", "2026-12-12T17:00:00Z", "part-of-day");
    expect(ask({ salon: WEEKDAYS, when: saturdayAt6 })).toBe("No, we're not open then. Saturday we're open from 9 to 5.");
    expect(ask({ salon: WEEKDAYS, when: saturdayMorning })).toBe("Yes, we're open then. Saturday we're open from 9 to 5.");
    expect(ask({ salon: WEEKDAYS, when: saturdayAt6, language: "es" })).toBe("No, a esa hora estamos cerrados. El sábado abrimos de 9 a 5.");
  });

  it("says several periods and unusual hours in full", () => {
    const split = { businessHours: { fri: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "18:00" }], sat: [{ open: "12:00", close: "24:00" }] }, timeZone: NY };
    expect(ask({ salon: split, when: date("2026-12-11") })).toBe("Yes, we're open Friday from 9 to 12 and from 1 to 6.");
    expect(ask({ salon: split, when: date("2026-12-12") })).toBe("Yes, we're open Saturday from 12 PM to midnight.");
    expect(ask({ salon: split, when: date("2026-12-12"), language: "es" })).toBe("Sí, abrimos el sábado de mediodía a medianoche.");
    expect(ask({ salon: split, when: date("2026-12-11"), language: "es", channel: "text" })).toBe("Sí, abrimos el viernes de 9 a. m. a 12 p. m. y de 1 p. m. a 6 p. m.".replace("12 p. m.", "mediodía"));
  });
});

describe("answerHours: closures and holiday hours", () => {
  it("says a closure with its reason and the next opening", () => {
    expect(ask({ salon: WEEKDAYS, specialDays: HOLIDAYS, when: date("2026-12-24"), channel: "text" })).toBe(
      "We're closed on Thursday, December 24 for Christmas Eve. We're open again Saturday, December 26 from 9 AM to 5 PM.",
    );
    expect(ask({ salon: WEEKDAYS, specialDays: HOLIDAYS, when: date("2026-12-24"), language: "es" })).toBe(
      "El jueves 24 de diciembre cerramos por Christmas Eve. Volvemos a abrir el sábado 26 de diciembre de 9 a 5.",
    );
    const closedUnlabelled: SpecialDay[] = [{ date: "2026-12-10", periods: [], label: null }];
    expect(ask({ salon: WEEKDAYS, specialDays: closedUnlabelled, when: date("2026-12-10") })).toBe("We're closed tomorrow. We're open again Friday from 9 to 7.");
  });

  it("says holiday hours instead of the weekday's", () => {
    expect(ask({ salon: WEEKDAYS, specialDays: HOLIDAYS, when: date("2026-12-31") })).toBe("Yes, we're open Thursday, December 31 from 9 to 1, our hours for New Year's Eve.");
    expect(ask({ salon: SUNDAYS, specialDays: [{ date: "2026-12-14", periods: nine("13:00"), label: null }], when: date("2026-12-14"), language: "es" })).toBe(
      "Sí, abrimos el lunes 14 de diciembre de 9 a 1.",
    );
  });

  it("gives the week with today's status and the closures coming up", () => {
    const sunday20th = new Date("2026-12-20T17:00:00Z");
    expect(ask({ salon: WEEKDAYS, specialDays: HOLIDAYS, now: sunday20th, channel: "text" })).toBe(
      "We're closed now; we open tomorrow at 9 AM. Our hours are Monday to Friday, 9 AM to 7 PM and Saturday, 9 AM to 5 PM. We're closed Sunday." +
        " Please note we're closed on Thursday, December 24 (Christmas Eve), we're closed on Friday, December 25 (Christmas Day) and we're open on Thursday, December 31 from 9 AM to 1 PM (New Year's Eve).",
    );
    const christmasEve = new Date("2026-12-24T17:00:00Z");
    expect(ask({ salon: WEEKDAYS, specialDays: HOLIDAYS, now: christmasEve })).toMatch(/^We're closed today for Christmas Eve; we open on Saturday at 9 AM\. Our hours are/);
    expect(ask({ salon: WEEKDAYS, specialDays: HOLIDAYS, now: christmasEve, language: "es" })).toMatch(
      /^Hoy cerramos por Christmas Eve; abrimos el sábado a las 9 de la mañana\. Abrimos de lunes a viernes, de 9 de la mañana a 7 de la tarde y el sábado, de 9 de la mañana a 5 de la tarde\. Cerramos el domingo\. Tenga en cuenta que/,
    );
  });

  it("keeps the unknown and closed-week answers, in both languages", () => {
    expect(ask({ salon: { businessHours: {}, timeZone: NY } })).toContain("don't have our opening hours");
    expect(ask({ salon: { businessHours: {}, timeZone: NY }, language: "es" })).toContain("todavía no tengo nuestro horario");
    const closedWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(ask({ salon: { businessHours: closedWeek, timeZone: NY }, language: "es" })).toContain("Por ahora estamos cerrados");
  });

  it("honours closures in isOpenAt, nextOpening and the open status, looking past a long closure", () => {
    const hours = businessHoursSchema.parse(WEEKDAYS.businessHours);
    const christmasEveNoon = new Date("2026-12-24T17:00:00Z");
    expect(isOpenAt(hours, NY, christmasEveNoon)).toBe(true);
    expect(isOpenAt(hours, NY, christmasEveNoon, HOLIDAYS)).toBe(false);
    expect(isOpenAt(hours, NY, new Date("2026-12-31T19:00:00Z"), HOLIDAYS)).toBe(false); // 2 PM, after holiday hours
    const vacation: SpecialDay[] = Array.from({ length: 10 }, (_, i) => ({ date: `2027-01-${String(4 + i).padStart(2, "0")}`, periods: [], label: "Vacation" }));
    expect(nextOpening(hours, NY, new Date("2027-01-04T17:00:00Z"), vacation)?.toISOString()).toBe("2027-01-14T14:00:00.000Z");
    expect(describeOpenStatus(hours, NY, new Date("2027-01-04T17:00:00Z"), { specialDays: vacation })).toBe(
      "We're closed today for Vacation; we open on Thursday the 14th at 9 AM.",
    );
    expect(describeOpenStatus(hours, NY, WED_NOON, { language: "es", channel: "text" })).toBe("Hoy estamos abiertos hasta las 7 p. m.");
    expect(describeOpenStatus(hours, NY, new Date("2026-12-10T01:00:00Z"), { language: "es" })).toBe("Ahora estamos cerrados; abrimos mañana a las 9 de la mañana.");
  });
});

describe("answerHours on DST change days (America/New_York)", () => {
  it("spring forward, Sunday 2026-03-08", () => {
    const saturdayEvening = new Date("2026-03-08T01:00:00Z"); // Sat 8 PM EST
    const sunday = when("2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", "day", "tomorrow");
    expect(ask({ salon: SUNDAYS, now: saturdayEvening, when: sunday })).toBe("Yes, we're open tomorrow from 10 to 4.");
    expect(ask({ salon: SUNDAYS, now: new Date("2026-03-08T13:30:00Z"), when: date("2026-03-08") })).toBe("Yes, we're open today from 10 to 4."); // 9:30 EDT
    expect(ask({ salon: SUNDAYS, now: new Date("2026-03-08T14:30:00Z"), when: date("2026-03-08") })).toBe("Yes, we're open today until 4 PM."); // 10:30 EDT
    expect(ask({ salon: WEEKDAYS, now: saturdayEvening, when: sunday })).toBe("No, we're closed tomorrow. We're open again Monday from 9 to 7.");
  });

  it("fall back, Sunday 2026-11-01", () => {
    expect(ask({ salon: SUNDAYS, now: new Date("2026-11-01T14:30:00Z"), when: date("2026-11-01") })).toBe("Yes, we're open today from 10 to 4."); // 9:30 EST
    expect(ask({ salon: SUNDAYS, now: new Date("2026-11-01T15:30:00Z"), when: date("2026-11-01") })).toBe("Yes, we're open today until 4 PM."); // 10:30 EST
    const closed: SpecialDay[] = [{ date: "2026-11-01", periods: [], label: "Staff training" }];
    expect(ask({ salon: SUNDAYS, specialDays: closed, now: new Date("2026-11-01T04:30:00Z"), when: date("2026-11-01") })).toBe(
      "We're closed today for Staff training. We're open again Tuesday from 9 to 6.",
    );
  });
});

const SERVICES: PricedService[] = [
  { id: "kids", name: "Kids Cut", priceCents: 2500, durationMinutes: 30 },
  { id: "mens", name: "Men's Cut", priceCents: 3500, durationMinutes: 30 },
  { id: "womens", name: "Women's Cut", priceCents: 6500, durationMinutes: 60 },
  { id: "dama", name: "Corte de dama", priceCents: 6500, durationMinutes: 60 },
  { id: "hl", name: "Highlights", priceCents: 12000, durationMinutes: 90 },
  { id: "bal", name: "Balayage", priceCents: 18050, durationMinutes: 150 },
];

describe("answerPrice", () => {
  it("says one service's price and length", () => {
    expect(answerPrice({ services: SERVICES, asked: { id: "womens", name: "Women's Cut", text: "women's cut" } })).toBe("A Women's Cut is $65 and takes about an hour.");
    expect(answerPrice({ services: SERVICES, asked: { id: "dama", name: "Corte de dama", text: "corte de dama" }, language: "es" })).toBe("Un corte de dama cuesta $65 y dura como una hora.");
    expect(answerPrice({ services: SERVICES, asked: { id: "hl", name: "Highlights", text: "highlights" } })).toBe("Highlights are $120 and take about an hour and a half.");
    expect(answerPrice({ services: SERVICES, asked: { id: "bal", name: "Balayage", text: "balayage" }, language: "es" })).toBe("Un balayage cuesta $180.50 y dura como 2 horas y media.");
  });

  it("lists the services the words fit, or the price list", () => {
    expect(answerPrice({ services: SERVICES, asked: { id: "womens", name: "Women's Cut", text: "cut" } })).toBe("We have a few: Kids Cut, $25; Men's Cut, $35; and Women's Cut, $65.");
    expect(answerPrice({ services: SERVICES, asked: { id: "gone", name: "Perm", text: "perm" } })).toMatch(/^Sorry, I don't see perm on our list\. Here are our prices\. Kids Cut, \$25; /);
    expect(answerPrice({ services: SERVICES.slice(0, 2), language: "es" })).toBe("Estos son nuestros precios: Kids Cut, $25; y Men's Cut, $35.");
    expect(answerPrice({ services: [], language: "es" })).toContain("todavía no tengo nuestros precios");
  });

  it("says lengths as people do", () => {
    expect([15, 45, 60, 75, 90, 120, 150].map((m) => formatDuration(m))).toEqual([
      "about 15 minutes", "about 45 minutes", "about an hour", "about an hour and 15 minutes", "about an hour and a half", "about 2 hours", "about 2 and a half hours",
    ]);
    expect([30, 60, 90, 120].map((m) => formatDuration(m, "es"))).toEqual(["como 30 minutos", "como una hora", "como una hora y media", "como 2 horas"]);
  });
});

describe("answerAddress", () => {
  const salon = { addressLine1: "1234 Valencia Street", addressLine2: "Suite 2", city: "San Francisco", region: "CA", postalCode: "94110", directions: "Free parking behind the building" };
  it("says the address and the parking note; a text adds a map link", () => {
    expect(answerAddress({ salon })).toBe("We're at 1234 Valencia Street, Suite 2, San Francisco, CA 94110. Free parking behind the building.");
    expect(answerAddress({ salon: { ...salon, directions: "Estacionamiento gratis detrás del edificio." }, language: "es" })).toBe(
      "Estamos en 1234 Valencia Street, Suite 2, San Francisco, CA 94110. Estacionamiento gratis detrás del edificio.",
    );
    expect(answerAddress({ salon, channel: "text" })).toMatch(/ Map: https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=1234%20Valencia%20Street%2C/);
    expect(answerAddress({ salon: { ...salon, addressLine1: null, addressLine2: null }, language: "es" })).toBe(
      "Lo siento, todavía no tengo nuestra dirección. Free parking behind the building.",
    );
  });
});
