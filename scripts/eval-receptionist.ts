// `npm run eval:receptionist`: the receptionist's accuracy on the held-out eval set (never trained on):
// per language and channel, per intent, the most frequent confusions and the entity rates.
// `-- --wrong` also lists every misread utterance.
import { INTENTS } from "@/lib/receptionist/understanding";
import { accuracy, evaluate, type EvalItem } from "@/lib/receptionist/nlu/evaluate";

const pct = (items: EvalItem[]) =>
  `${(accuracy(items) * 100).toFixed(1)}% (${items.filter((i) => i.got === i.expected).length}/${items.length})`;

const { items, entities } = await evaluate();
console.log("accuracy by language and channel");
for (const language of ["en", "es"] as const) {
  for (const channel of ["speech", "text"] as const) {
    console.log(
      `  ${language} ${channel.padEnd(6)} ${pct(items.filter((i) => i.language === language && i.channel === channel))}`,
    );
  }
  console.log(`  ${language} all    ${pct(items.filter((i) => i.language === language))}`);
}
console.log(`  texts  ${pct(items.filter((i) => i.channel === "text"))}`);
console.log(`  all    ${pct(items)}`);

console.log("\naccuracy by intent (en | es)");
for (const intent of INTENTS) {
  const of = (language: string) => items.filter((i) => i.expected === intent && i.language === language);
  console.log(`  ${intent.padEnd(10)} ${pct(of("en")).padEnd(18)} ${pct(of("es"))}`);
}

const confusions = new Map<string, number>();
for (const item of items.filter((i) => i.got !== i.expected)) {
  const key = `${item.expected} → ${item.got}`;
  confusions.set(key, (confusions.get(key) ?? 0) + 1);
}
console.log("\nconfusions (expected → got), most frequent first");
for (const [key, count] of [...confusions].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(count).padStart(3)}  ${key}`);

console.log("\nentities found where labelled");
for (const [name, tally] of Object.entries(entities)) {
  console.log(
    `  ${name.padEnd(8)} ${((tally.found / Math.max(1, tally.labelled)) * 100).toFixed(1)}% (${tally.found}/${tally.labelled})`,
  );
}
console.log(
  `\nanswered by the rules (classifier unsure): ${items.filter((i) => i.engine === "rules").length}`,
);

if (process.argv.includes("--wrong")) {
  console.log("\nmisread");
  for (const i of items.filter((x) => x.got !== x.expected))
    console.log(
      `  ${i.language} ${i.channel.padEnd(6)} ${i.expected.padEnd(10)} → ${i.got.padEnd(10)} ${i.text}`,
    );
}
