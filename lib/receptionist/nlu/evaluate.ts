// Accuracy on the held-out eval set (corpus/eval.*.json, never trained on): per language × channel, per
// intent, the confusions, and how often the labelled service, stylist and time are found. Shared by
// `npm run eval:receptionist` (prints it) and the accuracy test (asserts the bars).
import { LANGUAGES, type Language } from "@/lib/i18n/language";
import { understand } from "@/lib/receptionist/understand";
import type { Catalog, Channel, Intent } from "@/lib/receptionist/understanding";
import { matchService, matchStylist } from "@/lib/receptionist/entities/catalog-match";
import { fold } from "@/lib/receptionist/entities/words";
import { interpretByRules } from "@/lib/telephony/receptionist/rule-engine";
import { FROM_RECEPTIONIST } from "@/lib/telephony/receptionist/nlu-engine";
import { readCorpus } from "./corpus";
import { normalizeUtterance } from "./normalize";

/** A generic salon menu in English, written for the evaluation (not from the eval labels). */
const EVAL_SERVICES = [
  "Women's Haircut",
  "Men's Haircut",
  "Kids' Haircut",
  "Bang Trim",
  "Beard Trim",
  "Blowout",
  "Updo",
  "Single-Process Color",
  "Root Touch-Up",
  "Highlights",
  "Balayage",
  "Gloss & Toner",
  "Keratin Treatment",
  "Perm",
  "Deep Conditioning",
  "Silk Press",
  "Box Braids",
  "Hair Extensions",
  "Manicure",
  "Gel Manicure",
  "Pedicure",
  "Acrylic Nails",
  "Eyebrow Wax",
  "Lash Extensions",
  "Facial",
  "Makeup",
];

// A fixed "now" (Monday 7 Dec 2026, 10:00 in Los Angeles): time words resolve the same on every run.
const EVAL_NOW = new Date("2026-12-07T18:00:00Z");
const EVAL_TIME_ZONE = "America/Los_Angeles";

export type EvalItem = {
  text: string;
  language: Language;
  channel: Channel;
  expected: Intent;
  got: Intent;
  engine: string;
};

export type EntityTally = { labelled: number; found: number };

export type EvalReport = {
  items: EvalItem[];
  entities: Record<"service" | "stylist" | "when", EntityTally>;
};

/** The salon's stylists are whoever the eval names (a salon's own list); services are the menu above. */
function evalCatalog(language: Language): Catalog {
  const stylists = [
    ...new Set(
      readCorpus("eval", language).flatMap((u) => (u.entities?.stylist ? [u.entities.stylist] : [])),
    ),
  ];
  return {
    services: EVAL_SERVICES.map((name, i) => ({ id: `service-${i}`, name })),
    stylists: stylists
      // Labels like "whoever" or "cualquiera" are "anyone", not a stylist of the salon.
      .filter((name) => !matchStylist(name, []))
      .map((name) => ({ id: `stylist-${fold(name)}`, name })),
  };
}

function sharesAWord(a: string, b: string): boolean {
  const words = new Set(fold(a).split(" "));
  return fold(b)
    .split(" ")
    .some((w) => w.length > 1 && words.has(w));
}


/** With `rulesOnly`, the keyword rules alone answer (what Bolt did before the trained engine). */
export async function evaluate(
  languages: readonly Language[] = LANGUAGES,
  rulesOnly = false,
): Promise<EvalReport> {
  const report: EvalReport = {
    items: [],
    entities: {
      service: { labelled: 0, found: 0 },
      stylist: { labelled: 0, found: 0 },
      when: { labelled: 0, found: 0 },
    },
  };
  for (const language of languages) {
    const catalog = evalCatalog(language);
    for (const utterance of readCorpus("eval", language)) {
      // The language is given, as it is on a call (chosen) or for a known customer.
      const understood = await understand({
        text: utterance.text,
        channel: utterance.channel,
        language,
        catalog,
        timeZone: EVAL_TIME_ZONE,
        now: EVAL_NOW,
      });
      if (rulesOnly) {
        understood.intent = FROM_RECEPTIONIST[interpretByRules({ speech: utterance.text, digits: null }).intent];
        understood.engine = "rules";
      }
      report.items.push({
        text: utterance.text,
        language,
        channel: utterance.channel,
        expected: utterance.intent,
        got: understood.intent,
        engine: understood.engine,
      });
      const labels = utterance.entities ?? {};
      // A labelled service counts when the menu has it: the service found is the one its words name.
      const labelledService = labels.service ? matchService(labels.service, catalog.services) : undefined;
      if (labelledService) {
        report.entities.service.labelled += 1;
        if (understood.entities.service?.id === labelledService.id) report.entities.service.found += 1;
      }
      if (labels.stylist) {
        const wanted = matchStylist(labels.stylist, catalog.stylists);
        report.entities.stylist.labelled += 1;
        const got = understood.entities.stylist;
        if (got && wanted && ("anyone" in got ? "anyone" in wanted : "id" in wanted && got.id === wanted.id))
          report.entities.stylist.found += 1;
      }
      if (labels.when) {
        report.entities.when.labelled += 1;
        if (understood.entities.when && sharesAWord(understood.entities.when.text, labels.when))
          report.entities.when.found += 1;
      }
    }
  }
  return report;
}

/** Eval items whose words (normalized) also appear in the training corpus: short common lines both files have. */
export function seenInTraining(items: EvalItem[]): Set<EvalItem> {
  const trained = new Set(
    LANGUAGES.flatMap((l) => readCorpus("train", l).map((u) => `${l} ${normalizeUtterance(u.text, l)}`)),
  );
  return new Set(items.filter((i) => trained.has(`${i.language} ${normalizeUtterance(i.text, i.language)}`)));
}

export function accuracy(items: EvalItem[]): number {
  return items.length === 0 ? 1 : items.filter((i) => i.got === i.expected).length / items.length;
}
