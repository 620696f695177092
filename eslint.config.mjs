import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only lib/env.ts reads the environment (STYLE habit 1).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration from @/lib/env." }],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      // Links prefetch on intent, not on sight (components/ui/link.tsx).
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use @/components/ui/link: it prefetches when a link is reached for." }] }],
    },
  },
  {
    files: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["lib/env.ts", "scripts/**", "test/**", "e2e/**", "playwright.config.ts", "vitest.config.ts", "prisma.config.ts", "next.config.ts", "bench/**", "lib/testing/**"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
