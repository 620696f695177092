// A domain check that fails on one input field, thrown as a ZodError so routes answer 422 with the field
// (lib/api/errors.ts) and forms show it beside the field (lib/api/salon-action.ts), like a schema's own.
import { ZodError } from "zod";

export function fieldErrors(issues: Array<{ path: Array<string | number>; message: string }>): ZodError {
  return new ZodError(issues.map(({ path, message }) => ({ code: "custom" as const, path, message, input: undefined })));
}
