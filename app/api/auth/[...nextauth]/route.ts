// Auth.js endpoints (sign-in callback, sign-out, session, CSRF). POSTs carry small forms: their bodies
// are capped (413 past BODY_LIMITS.authForm) before Auth.js reads them. A successful sign-in also sets
// the trusted-device cookie (lib/auth/trusted-device-cookie.ts).
import { BODY_LIMITS } from "@/lib/api/body-limits";
import { withBodyLimit } from "@/lib/api/with-body-limit";
import { handlers } from "@/lib/auth/config";
import { withTrustedDeviceCookie } from "@/lib/auth/trusted-device-cookie";

export const { GET } = handlers;
// A sign-in posted here (not through the login form's action) marks the browser as trusted too.
export const POST = withBodyLimit(withTrustedDeviceCookie(handlers.POST), BODY_LIMITS.authForm);
