// The one wrapper for server actions on salon data: session, role, zod parse, scoped client, and errors
// turned into a result `useActionState` can render. It sits beside withSalon, the route wrapper, and
// shares its error mapping; the actions themselves live in lib/<domain>/actions.ts.
import { randomUUID } from "node:crypto";
import { redirect, unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import { ApiError, toFieldErrors } from "@/lib/api/errors";
import { safeParseFormData } from "@/lib/api/form-data";
import { getSessionContext, type SessionContext } from "@/lib/auth/session";
import { salonDb, type SalonDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

/** null is the initial state before the form was submitted. */
export type ActionResult<T = unknown> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> }
  | null;

export type ActionContext = SessionContext & { db: SalonDb };

export const OWNER_ONLY_MESSAGE = "Only owners can change settings.";
const INVALID_MESSAGE = "Please fix the highlighted fields.";

function invalid(error: ZodError): ActionResult<never> {
  const fieldErrors = toFieldErrors(error);
  const formError = fieldErrors._root?.[0];
  return { ok: false, error: formError ?? INVALID_MESSAGE, fieldErrors };
}

/**
 * Wraps `fn` as `(prevState, formData) => ActionResult`. `fn` may return a result or nothing ({ ok: true }),
 * throw ApiError (its message is shown) or call redirect(); anything else is logged and reported with a reference.
 */
export function salonAction<S extends z.ZodType, T = unknown>(
  schema: S,
  fn: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult<T> | void>,
  opts: { roles?: Role[] } = {},
): (prevState: ActionResult<T>, formData: FormData) => Promise<ActionResult<T>> {
  return async (_prevState, formData) => {
    const session = await getSessionContext();
    if (!session) redirect("/login");
    if (opts.roles && !opts.roles.includes(session.role)) {
      return {
        ok: false,
        error:
          opts.roles.includes("OWNER") && opts.roles.length === 1
            ? OWNER_ONLY_MESSAGE
            : "You don't have permission to do that.",
      };
    }

    const parsed = safeParseFormData(schema, formData);
    if (!parsed.success) return invalid(parsed.error);

    try {
      return (await fn(parsed.data, { ...session, db: salonDb(session.salonId) })) ?? { ok: true };
    } catch (err) {
      unstable_rethrow(err); // redirect() / notFound() from inside fn
      if (err instanceof ApiError) return { ok: false, error: err.message };
      if (err instanceof ZodError) return invalid(err);
      const requestId = randomUUID();
      logger.error(
        { err, requestId, salonId: session.salonId, userId: session.userId },
        "server action failed",
      );
      return { ok: false, error: `Something went wrong. Reference: ${requestId}` };
    }
  };
}
