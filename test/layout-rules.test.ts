// The layout rules (.dependency-cruiser.mjs) run over a throwaway tree with one import per case, so a
// rule that stops matching (a path regex, the symlinked node_modules, the @/ alias) fails here, not
// silently in `npm run lint:deps`.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

// Each file's imports; the comment says what the rules should make of it.
const tree: Record<string, string> = {
  "lib/calls/a.ts": `import { b } from "@/lib/calls/b"; export const a = () => b;`, // circle at run time
  "lib/calls/b.ts": `import { a } from "./a"; export const b = 1; export const c = () => a;`,
  "lib/calls/t1.ts": `import type { T2 } from "@/lib/calls/t2"; export type T1 = { t: T2 | null };`, // type-only circle: fine
  "lib/calls/t2.ts": `import type { T1 } from "@/lib/calls/t1"; export type T2 = { t: T1 | null };`,
  "app/(admin)/actions.ts": `export const save = 1;`,
  "app/api/route.ts": `export const GET = 1;`,
  "app/page.tsx": `import { seed } from "@/lib/dev/seed"; export default seed;`, // product → lib/dev
  "components/form.tsx": `import { save } from "@/app/(admin)/actions"; export default save;`, // components → app
  "lib/calls/route.test.ts": `import { GET } from "@/app/api/route"; import { kit } from "@/lib/testing/kit"; export { GET, kit };`,
  "lib/testing/kit.ts": `import { GET } from "@/app/api/route"; import { seed } from "@/lib/dev/seed"; export const kit = [GET, seed];`,
  "lib/calls/uses-kit.ts": `import { kit } from "@/lib/testing/kit"; export default kit;`, // product → test kit
  "lib/dev/seed.ts": `export const seed = 1;`,
  "lib/telephony/client.ts": `import twilio from "twilio"; export default twilio;`,
  "lib/dev/twilio-sandbox/check.ts": `import twilio from "twilio"; export default twilio;`,
  "lib/messaging/send.ts": `import type { Twilio } from "twilio"; export type T = Twilio;`, // twilio outside telephony, even as a type
  "lib/billing/stripe.ts": `import Stripe from "stripe"; export default Stripe;`,
  "lib/salons/pay.ts": `import Stripe from "stripe"; export default Stripe;`, // stripe outside billing
  "lib/salons/broken.ts": `import { x } from "@/lib/nowhere"; export default x;`, // resolves to nothing
  "e2e/twilio.ts": `import twilio from "twilio"; export default twilio;`, // the specs sign through lib/telephony
  "e2e/texts.spec.ts": `import twilio from "twilio"; import { kit } from "@/lib/testing/kit"; export { twilio, kit };`,
  "test/setup-db.ts": `import { kit } from "@/lib/testing/kit"; import { seed } from "@/lib/dev/seed"; export { kit, seed };`,
  "scripts/start.ts": `import { seed } from "@/lib/dev/seed"; export default seed;`,
  "bench/run.ts": `import { seed } from "@/lib/dev/seed"; export default seed;`,
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      module: "esnext",
      moduleResolution: "bundler",
      jsx: "react-jsx",
      paths: { "@/*": ["./*"] },
    },
  }),
};

type Violation = { rule: { name: string }; from: string; to: string };
let dir: string;
let violations: string[];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bolt-layout-"));
  for (const [file, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  const bin = path.join(root, "node_modules", ".bin", "depcruise");
  const args = ["app", "components", "lib", "scripts", "bench", "e2e", "test", "--output-type", "json"];
  const run = spawnSync(bin, [...args, "--config", path.join(root, ".dependency-cruiser.mjs")], {
    cwd: dir,
    encoding: "utf8",
  });
  if (!run.stdout) throw new Error(`depcruise printed nothing: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  // npm targets resolve through the symlink to wherever node_modules really is: name the package only.
  const target = (to: string) => to.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? to;
  violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${target(v.to)}`).sort();
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(".dependency-cruiser.mjs", () => {
  it("flags exactly the imports the house forbids", () => {
    expect(violations).toEqual(
      [
        "dev-tools-not-from-product: app/page.tsx → lib/dev/seed.ts",
        "no-app-from-lib-or-components: components/form.tsx → app/(admin)/actions.ts",
        "no-circular: lib/calls/a.ts → lib/calls/b.ts", // reported once per circle
        "not-to-unresolvable: lib/salons/broken.ts → @/lib/nowhere",
        "stripe-only-in-billing: lib/salons/pay.ts → stripe",
        "test-kits-only-from-tests: e2e/texts.spec.ts → lib/testing/kit.ts",
        "test-kits-only-from-tests: lib/calls/uses-kit.ts → lib/testing/kit.ts",
        "twilio-only-in-telephony: e2e/texts.spec.ts → twilio",
        "twilio-only-in-telephony: e2e/twilio.ts → twilio",
        "twilio-only-in-telephony: lib/messaging/send.ts → twilio",
      ].sort(),
    );
  });
});
