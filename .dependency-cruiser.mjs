// The layout of the house (STYLE.md), checked by `npm run lint:deps`. Paths are relative to the
// repo root; "tests" below means *.test.ts(x) files, wherever they sit.
const TEST_FILE = "[.]test[.]tsx?$";

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "Import circle. Only circles that exist at run time count: a hop that is `import type` is erased " +
        "by the compiler, so it cannot change the order modules load in. Break the circle by moving " +
        "the shared piece into its own module.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-app-from-lib-or-components",
      severity: "error",
      comment:
        "components/ and lib/ never import app/: server actions live in lib/<domain>/actions.ts. " +
        "Tests and the test kits may import a route module, since driving the route is their job.",
      from: { path: "^(components|lib)/", pathNot: [TEST_FILE, "^lib/testing/"] },
      to: { path: "^app/" },
    },
    {
      name: "twilio-only-in-telephony",
      severity: "error",
      comment:
        "Only lib/telephony knows Twilio (STYLE habit 16). Besides it: the sandbox, which answers " +
        "as Twilio and checks its own replies with the SDK. Type imports count too.",
      from: { pathNot: ["^lib/telephony/", "^lib/dev/twilio-sandbox/"] },
      to: { path: "(^|/)node_modules/twilio/" },
    },
    {
      name: "stripe-only-in-billing",
      severity: "error",
      comment: "Only lib/billing knows Stripe (STYLE habit 16); its sandbox sits beside the Twilio one.",
      from: { pathNot: ["^lib/billing/", "^lib/dev/stripe-sandbox/"] },
      to: { path: "(^|/)node_modules/stripe/" },
    },
    {
      name: "test-kits-only-from-tests",
      severity: "error",
      comment:
        "lib/testing (factories, databases, test kits) is for tests: *.test.ts(x), other kits, and " +
        "test/ (vitest's global setup and per-file setup create the test databases with it). " +
        "Nothing else needs it today; the browser specs and the benchmarks build their own data.",
      from: { pathNot: [TEST_FILE, "^lib/testing/", "^test/"] },
      to: { path: "^lib/testing/" },
    },
    {
      name: "dev-tools-not-from-product",
      severity: "error",
      comment:
        "lib/dev (embedded PostgreSQL, the sandboxes, the demo seed) never ships in the product: " +
        "app/, components/ and lib/ do not import it. What starts it does: scripts/ (npm start, " +
        "npm run db:seed), bench/, test/ (vitest's PostgreSQL), lib/testing and tests.",
      from: { path: "^(app|components|lib)/", pathNot: [TEST_FILE, "^lib/testing/", "^lib/dev/"] },
      to: { path: "^lib/dev/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment:
        "An import that resolves to no file: a typo, a moved module, or an npm package missing from package.json.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Keep the generated Prisma client and packages as nodes (rules see them) without walking their insides.
    doNotFollow: { path: ["node_modules", "^lib/generated/"] },
    // `import type` is an edge too: the Twilio and Stripe fences count it; no-circular skips it by design.
    tsPreCompilationDeps: true,
    // Resolves the `@/` alias the way tsc and Next do.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};

export default config;
