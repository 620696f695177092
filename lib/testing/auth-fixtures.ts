// Test fixtures for auth and API tests: salons with owners and staff, session cookies, API requests.
import { encode } from "next-auth/jwt";
import { CLIENT_IP_HEADER } from "@/lib/api/client-ip";
import { signUpSalon } from "@/lib/auth/sign-up";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { env, reloadEnv } from "@/lib/env";

let seq = 0;
const unique = () =>
  `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function createSalonWithOwner(
  overrides: { salonName?: string; email?: string; password?: string } = {},
) {
  const email = overrides.email ?? `owner-${unique()}@example.test`;
  const password = overrides.password ?? "correct horse battery";
  const { salonId, userId, slug } = await signUpSalon({
    salonName: overrides.salonName ?? `Salon ${unique()}`,
    ownerName: "Olive Owner",
    email,
    password,
    timeZone: "America/New_York",
  });
  return { salonId, userId, slug, email, password };
}

export async function addMember(salonId: string, role: "OWNER" | "STAFF" = "STAFF") {
  const email = `member-${unique()}@example.test`;
  const password = "staff password 123";
  const user = await db.user.create({
    data: { email, name: "Sam Staff", passwordHash: await hashPassword(password) },
  });
  await db.membership.create({ data: { salonId, userId: user.id, role } });
  return { userId: user.id, email, password };
}

/** A session cookie exactly as Auth.js would set it over plain http, with its "sessions" row. */
export async function sessionCookieFor(userId: string, salonId: string): Promise<string> {
  return (await signedInSession(userId, salonId)).cookie;
}

/** Like sessionCookieFor, also giving the session's id (to revoke it or tell it apart). */
export async function signedInSession(
  userId: string,
  salonId: string,
): Promise<{ cookie: string; sessionId: string }> {
  const sessionId = await startSession(userId, { userAgent: "Mozilla/5.0 (Macintosh) Chrome/130.0" });
  const name = "authjs.session-token";
  const token = await encode({
    token: { sub: userId, userId, salonId, sid: sessionId },
    secret: env.AUTH_SECRET,
    salt: name,
  });
  return { cookie: `${name}=${token}`, sessionId };
}

/** A distinct client IP per test keeps the per-IP API limit out of tests that are not about it. */
export function randomIp(): string {
  return `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${1 + Math.floor(Math.random() * 254)}`;
}

export function apiRequest(
  path: string,
  opts: {
    method?: string;
    key?: string;
    cookie?: string;
    ip?: string;
    json?: unknown;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers = new Headers(opts.headers);
  // Route handlers read the client IP the front gate (lib/api/front-gate.ts) would have set.
  if (!headers.has(CLIENT_IP_HEADER)) headers.set(CLIENT_IP_HEADER, opts.ip ?? randomIp());
  if (opts.key) headers.set("authorization", `Bearer ${opts.key}`);
  if (opts.cookie) {
    headers.set("cookie", opts.cookie);
    // As the browser sends on the app's own fetches; tests of the Origin check set their own.
    if (!headers.has("origin")) headers.set("origin", new URL(env.PUBLIC_BASE_URL).origin);
  }
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Request(`http://localhost:3000${path}`, {
    method: opts.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
}

export const noParams = { params: Promise.resolve({}) };
export const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

/** Overrides environment variables and re-parses `env`; returns a function that restores them. */
export function overrideEnv(vars: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  reloadEnv();
  return () => {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    reloadEnv();
  };
}
