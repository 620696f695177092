// Auth.js (next-auth v5) setup: email + password, JWT sessions in a cookie.
// The JWT carries only `userId`, the active `salonId` and `sid`, the "sessions" row that makes it revocable;
// salon, role and whether the session is still live are read from the database per request.
import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getClientIp } from "@/lib/api/client-ip";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { LOGIN_FAILED_MESSAGE } from "@/lib/auth/login-throttle";
import { revokeSession, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/sessions";
import { readTrustedDeviceCookie } from "@/lib/auth/trusted-device";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { loginSchema } from "@/lib/validations/auth";

/** A failed sign-in; `code` ("invalid" | "throttled") goes into Auth.js's error URL, `userMessage` to the form. */
export class LoginFailedError extends CredentialsSignin {
  readonly userMessage: string;
  constructor(code: "invalid" | "throttled", userMessage: string) {
    super(userMessage);
    this.code = code;
    this.userMessage = userMessage;
  }
}

const log = logger.child({ module: "auth" });

/** Auth.js errors a client causes (Auth.js answers them with a 4xx or its error page). */
const CLIENT_ERRORS = new Set<string>([
  "MissingCSRF",
  "UnknownAction",
  "InvalidCheck",
  "InvalidCallbackUrl",
  "InvalidProvider",
  "JWTSessionError",
  "SessionTokenError",
  "UntrustedHost",
]);

// Built lazily so importing this module (e.g. during `next build`) doesn't require AUTH_SECRET yet.
function buildConfig(): NextAuthConfig {
  return {
    trustHost: true,
    secret: env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      Credentials({
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, request) {
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) throw new LoginFailedError("invalid", LOGIN_FAILED_MESSAGE);
          const ip = getClientIp(request.headers);
          const result = await authenticateWithPassword({
            ...parsed.data,
            ip,
            trustedDeviceCookie: readTrustedDeviceCookie(request.headers.get("cookie")),
          });
          if (!result.ok) throw new LoginFailedError(result.reason, result.message);
          const { id, email, name, salonId } = result.user;
          const sessionId = await startSession(id, { userAgent: request.headers.get("user-agent"), ip });
          return { id, email, name, salonId, sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // `user` is only present right after sign-in; later calls keep the token as it is.
        if (user?.id) {
          token.userId = user.id;
          token.salonId = user.salonId;
          token.sid = user.sessionId;
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.userId === "string") session.user.id = token.userId;
        return session;
      },
    },
    events: {
      async signOut(message) {
        // The cookie is cleared too, but a copy saved before sign-out must stop working as well.
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await revokeSession(sid);
      },
    },
    logger: {
      error(error) {
        // Wrong passwords are routine; a request that is malformed or forged (no CSRF token, an unknown
        // action, a tampered cookie) is the client's fault, worth a line but not an error with a stack.
        if (error instanceof CredentialsSignin) log.debug({ code: error.code }, "sign-in rejected");
        else if (error instanceof AuthError && CLIENT_ERRORS.has(error.type))
          log.warn({ type: error.type }, "auth request refused");
        else log.error({ err: error }, "auth error");
      },
      warn(code) {
        log.warn({ code }, "auth warning");
      },
      debug(message, metadata) {
        log.debug({ metadata }, message);
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(() => buildConfig());

declare module "next-auth" {
  interface User {
    salonId?: string;
    sessionId?: string;
  }
}
