// Auth.js endpoints (sign-in callback, sign-out, session, CSRF). POSTs carry small forms: their bodies
// are capped (413 past BODY_LIMITS.authForm) before Auth.js reads them.
import { BODY_LIMITS } from "@/lib/api/body-limits";
import { withBodyLimit } from "@/lib/api/with-body-limit";
import { handlers } from "@/lib/auth/config";

export const { GET } = handlers;
export const POST = withBodyLimit(handlers.POST, BODY_LIMITS.authForm);
