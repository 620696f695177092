// The one place that reads process.env: parsed once with zod, failing fast with the variable's name.
import proxyaddr from "proxy-addr";
import { z } from "zod";

const optionalUrl = z.url().optional();

/** Which hops may set X-Forwarded-For (README, deployment notes): nobody, the last N hops, or these addresses. */
export type TrustProxy =
  | { kind: "off" }
  | { kind: "hops"; hops: number }
  | { kind: "addresses"; addresses: string[] };

const trustProxy = z
  .string()
  .optional()
  .transform((value, ctx): TrustProxy => {
    const v = value?.trim() ?? "";
    if (v === "" || v === "false" || v === "0") return { kind: "off" };
    if (/^\d+$/.test(v)) return { kind: "hops", hops: Number(v) };
    const addresses = v.split(",").map((a) => a.trim());
    try {
      // Throws on anything that is not an IP, a CIDR or proxy-addr's loopback/linklocal/uniquelocal.
      proxyaddr.compile(addresses);
      return { kind: "addresses", addresses };
    } catch {
      ctx.addIssue({
        code: "custom",
        message: `TRUST_PROXY must be false, a hop count (1) or a comma-separated list of IPs/CIDRs, not "${v}"`,
      });
      return z.NEVER;
    }
  });

const envFields = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (npm start sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  PUBLIC_BASE_URL: z.url().default("http://localhost:3000"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-f]{32}$/, "TWILIO_ACCOUNT_SID must look like AC + 32 hex").optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
  TWILIO_API_BASE_URL: optionalUrl,
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE_URL: optionalUrl,
  // The one plan's price (price_…); the Stripe sandbox creates its own and sets this at start.
  STRIPE_PRICE_ID: z.string().regex(/^price_\w+$/, "STRIPE_PRICE_ID must be a Stripe price id (price_…)").optional(),
  STRIPE_TRIAL_DAYS: z.coerce.number().int().min(0).max(730).default(14),
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().default("Bolt <no-reply@bolt.local>"),
  // How long an emailed team invitation and a "forgot password" link work (lib/team/, lib/auth/password-reset.ts).
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  API_RATE_LIMIT_POINTS: z.coerce.number().int().min(1).default(100),
  SIGN_UP_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(5),
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  TRUST_PROXY: trustProxy,
  RUN_JOBS_IN_PROCESS: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  // Asking Twilio about texts whose fate is unknown (lib/messaging/delivery/check-schedule.ts). A claimed
  // text is first checked after TEXT_CHECK_SENDING_AFTER_MS — longer than a live worker can hold it (a
  // batch of 100 claimed at once, sent 16 at a time, each call up to the SDK's 30 s: 7 × 30 s) — a sent
  // one after TEXT_CHECK_STATUS_AFTER_MS without a status report; unanswered or unfinished checks
  // repeat every INITIAL × FACTOR^n, capped at MAX, until GIVE_UP_MS of asking.
  TEXT_CHECK_SENDING_AFTER_MS: z.coerce.number().int().min(1).default(300_000),
  TEXT_CHECK_STATUS_AFTER_MS: z.coerce.number().int().min(1).default(600_000),
  TEXT_CHECK_INITIAL_DELAY_MS: z.coerce.number().int().min(1).default(60_000),
  TEXT_CHECK_BACKOFF_FACTOR: z.coerce.number().min(1).max(10).default(2),
  TEXT_CHECK_MAX_DELAY_MS: z.coerce.number().int().min(1).default(3_600_000),
  TEXT_CHECK_GIVE_UP_MS: z.coerce.number().int().min(1).default(86_400_000),
  // Days a salon keeps its number after its subscription ends, before it is released (lib/phone-numbers/).
  NUMBER_RELEASE_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  RECEPTIONIST_ENGINE: z.enum(["nlu", "rules", "llm"]).default("nlu"),
  // The optional language-model engine (README, "Language-model engine"): an OpenAI-compatible chat API.
  LLM_BASE_URL: optionalUrl,
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  // Past this the NLU engine answers instead; a caller is waiting in silence meanwhile.
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(2_000),
  BOLT_BENCH_ROUTES: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  // An instant with its offset ("2026-12-09T11:00:00-08:00"): where the salon clock starts (lib/time/clock.ts).
  BOLT_SANDBOX_NOW: z.iso
    .datetime({ offset: true, error: "BOLT_SANDBOX_NOW must be an ISO 8601 instant with its offset, e.g. 2026-12-09T11:00:00-08:00" })
    .optional(),
  // Web Push (lib/alerts/vapid.ts): unset → a key pair made once and kept in the database (vapid_keys).
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{86,88}$/, "VAPID_PUBLIC_KEY must be a base64url P-256 public key (web-push generate-vapid-keys)").optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{42,44}$/, "VAPID_PRIVATE_KEY must be a base64url P-256 private key").optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "VAPID_SUBJECT must be a mailto: address or an https:// URL")
    .optional(),
});

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Texts and calls would reach real people: TWILIO_* credentials set and the SDK pointed at Twilio itself. */
function usesRealTwilio(env: z.infer<typeof envFields>): boolean {
  if (!env.TWILIO_ACCOUNT_SID && !env.TWILIO_AUTH_TOKEN) return false;
  return !env.TWILIO_API_BASE_URL || !LOOPBACK_HOSTS.has(new URL(env.TWILIO_API_BASE_URL).hostname);
}

const envSchema = envFields.superRefine((env, ctx) => {
  if (env.RECEPTIONIST_ENGINE === "llm" && (!env.LLM_BASE_URL || !env.LLM_MODEL))
    ctx.addIssue({
      code: "custom",
      path: ["RECEPTIONIST_ENGINE"],
      message: "RECEPTIONIST_ENGINE=llm needs LLM_BASE_URL (an OpenAI-compatible API, e.g. https://api.openai.com/v1) and LLM_MODEL",
    });
  // A moved clock would send real texts and ring real phones at hours the salon did not choose.
  if (env.BOLT_SANDBOX_NOW && usesRealTwilio(env))
    ctx.addIssue({
      code: "custom",
      path: ["BOLT_SANDBOX_NOW"],
      message: "BOLT_SANDBOX_NOW is for the Twilio sandbox only: unset it, or the real TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN",
    });
  // Half a key pair can sign nothing the browsers' subscriptions would accept.
  if (!env.VAPID_PUBLIC_KEY !== !env.VAPID_PRIVATE_KEY)
    ctx.addIssue({ code: "custom", path: ["VAPID_PUBLIC_KEY"], message: "Set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY together (or neither)" });
});

export type Env = z.infer<typeof envSchema>;

/** Bolt runs on its built-in Twilio stand-in (or another local one): sandbox-only tools may run. */
export function isTwilioSandbox(): boolean {
  return !usesRealTwilio(getEnv());
}

let cached: Env | undefined;

/** Parses the environment on first use (after test setup and the start script have set it). */
export function getEnv(): Env {
  if (cached) return cached;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = result.data;
  return cached;
}

const logSettingsSchema = envFields.pick({ NODE_ENV: true, LOG_LEVEL: true });

/**
 * Just what the logger needs. Modules log from import time (and `next build` imports them without
 * a database configured), so this must not demand the whole environment.
 */
export function getLogSettings(): z.infer<typeof logSettingsSchema> {
  return logSettingsSchema.parse(process.env);
}

/** Re-reads the environment on next use: for the start script (after it sets DATABASE_URL etc.) and tests. */
export function reloadEnv(): void {
  cached = undefined;
}

export const env: Env = new Proxy({} as Env, {
  get: (_target, key) => getEnv()[key as keyof Env],
});
