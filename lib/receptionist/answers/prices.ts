// The answer to a price question: the one service asked about with its price and length ("A Women's
// Cut is $65 and takes about an hour."), a short list when the words fit several services ("cut"),
// and the price list when no service was named. English and Spanish; pure.
import type { Language } from "@/lib/i18n/language";
import type { Channel, NamedEntity } from "@/lib/receptionist/understanding";

export type PricedService = { id: string; name: string; priceCents: number; durationMinutes: number };

export type PriceQuestion = {
  /** The salon's active services, cheapest first. */
  services: readonly PricedService[];
  /** The service the words named (the Understanding's entity); none: the price list. */
  asked?: NamedEntity;
  language?: Language;
  channel?: Channel;
};

const MAX_LISTED = 8;
const MAX_MATCHES = 4;

/** "$65", "$65.50", "free" / "gratis": the speech engine reads dollar amounts naturally. */
export function formatPrice(priceCents: number, language: Language = "en"): string {
  if (priceCents <= 0) return language === "es" ? "gratis" : "free";
  const dollars = Math.floor(priceCents / 100);
  const cents = priceCents % 100;
  return cents ? `$${dollars}.${String(cents).padStart(2, "0")}` : `$${dollars}`;
}

/** "about an hour", "about an hour and a half", "about 2 hours", "about 45 minutes"; "como una hora", … */
export function formatDuration(minutes: number, language: Language = "en"): string {
  const es = language === "es";
  const about = es ? "como" : "about";
  if (minutes < 60) return `${about} ${minutes} ${es ? "minutos" : "minutes"}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourWords = hours === 1 ? (es ? "una hora" : "an hour") : `${hours} ${es ? "horas" : "hours"}`;
  if (rest === 0) return `${about} ${hourWords}`;
  if (rest === 30) {
    if (es) return `${about} ${hourWords} y media`;
    return hours === 1 ? `${about} an hour and a half` : `${about} ${hours} and a half hours`;
  }
  return `${about} ${hourWords} ${es ? "y" : "and"} ${rest} ${es ? "minutos" : "minutes"}`;
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/'s\b/g, "")
    .split(/[^a-z0-9]+/)
    .map((word) => word.replace(/s$/, ""))
    .filter((word) => word.length > 1);

/** The services whose names hold every word the caller used ("cut" → every cut), in the list's order. */
function servicesMatching(services: readonly PricedService[], asked: NamedEntity): PricedService[] {
  const words = normalize(asked.text);
  if (words.length === 0) return [];
  const matches = services.filter((s) => {
    const name = normalize(s.name);
    return words.every((w) => name.includes(w));
  });
  return matches;
}

/** "A Women's Cut", "An Eyebrow Wax", "Highlights"; Spanish "Un corte de dama", "Una manicura", or the name as is. */
function serviceSubject(name: string, language: Language): { subject: string; plural: boolean } {
  const trimmed = name.trim();
  const first = trimmed.split(/\s+/)[0] ?? "";
  if (language === "es") {
    const lower = first.toLowerCase();
    const rest = `${first === first.toUpperCase() ? first : lower}${trimmed.slice(first.length)}`;
    if (/[oe]$/.test(lower)) return { subject: `Un ${rest}`, plural: false };
    if (/a$/.test(lower)) return { subject: `Una ${rest}`, plural: false };
    return { subject: `El servicio ${trimmed}`, plural: false };
  }
  if (/^(a|an|the)\s/i.test(trimmed) || /^\d/.test(trimmed)) return { subject: trimmed, plural: false };
  // "Highlights", "Extensions": plural names take "are" and no article ("Men's" is not plural).
  if (/[^s']s$/i.test(trimmed)) return { subject: trimmed, plural: true };
  return { subject: `${/^[aeiou]/i.test(trimmed) ? "An" : "A"} ${trimmed}`, plural: false };
}

function oneService(service: PricedService, language: Language): string {
  const { subject, plural } = serviceSubject(service.name, language);
  const price = formatPrice(service.priceCents, language);
  const length = formatDuration(service.durationMinutes, language);
  if (language === "es") return `${subject} cuesta ${price} y dura ${length}.`;
  return `${subject} ${plural ? "are" : "is"} ${price} and ${plural ? "take" : "takes"} ${length}.`;
}

/** "Trim, $20; Women's Cut, $65; and Balayage, $180" / "…; y Balayage, $180". */
function listItems(services: ReadonlyArray<Pick<PricedService, "name" | "priceCents">>, language: Language): string {
  const spoken = services.map((s) => `${s.name}, ${formatPrice(s.priceCents, language)}`);
  const last = spoken.pop();
  return spoken.length ? `${spoken.join("; ")}; ${language === "es" ? "y" : "and"} ${last}` : (last ?? "");
}

/** The price list: "Here are our prices. Trim, $20; …; and Balayage, $180." — a handful at most. */
export function priceList(services: ReadonlyArray<Pick<PricedService, "name" | "priceCents">>, language: Language = "en"): string {
  const es = language === "es";
  if (services.length === 0) {
    return es
      ? "Lo siento, todavía no tengo nuestros precios. Con gusto se los damos por mensaje de texto o en persona."
      : "Sorry, I don't have our prices on file yet. We're happy to tell you by text or in person.";
  }
  const list = listItems(services.slice(0, MAX_LISTED), language);
  const more = services.length > MAX_LISTED ? (es ? " Tenemos más servicios; solo pregunte." : " We offer more services too; just ask.") : "";
  return `${es ? "Estos son nuestros precios:" : "Here are our prices."} ${list}.${more}`;
}

export function answerPrice({ services, asked, language = "en" }: PriceQuestion): string {
  if (!asked) return priceList(services, language);
  const matches = servicesMatching(services, asked).slice(0, MAX_MATCHES);
  const named = services.find((s) => s.id === asked.id);
  if (matches.length > 1) return `${language === "es" ? "Tenemos varios:" : "We have a few:"} ${listItems(matches, language)}.`;
  const one = named ?? matches[0];
  if (one) return oneService(one, language);
  const sorry = language === "es" ? `Lo siento, no veo ${asked.text} en nuestra lista.` : `Sorry, I don't see ${asked.text} on our list.`;
  return `${sorry} ${priceList(services, language)}`;
}
