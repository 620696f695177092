import { readCorpus } from "@/lib/receptionist/nlu/corpus";
import { extractWhen } from "@/lib/receptionist/entities/when";
const now = new Date("2026-12-07T18:00:00Z");
for (const l of ["en", "es"] as const) for (const kind of ["train"] as const) for (const u of readCorpus(kind, l)) {
  if (!u.entities?.when) continue;
  const w = extractWhen(u.text, l, "America/Los_Angeles", now);
  if (!w) console.log(l, "MISS", JSON.stringify(u.entities.when), "|", u.text);
}
