// Prisma CLI configuration. The runtime client connects through lib/db.ts (adapter-pg);
// the URL here is only for CLI commands such as `prisma migrate deploy` where the engine exists.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/bolt" },
});
