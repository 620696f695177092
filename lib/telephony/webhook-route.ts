// Turns a webhook handler into a Next route: verify first, parse Twilio's parameters with the route's
// schema (lib/telephony/params/), log the request with its Twilio ids and timing, map thrown errors once.
// Every handler so receives typed input of one shape (WebhookInput). Voice routes pass a spoken
// fallback: once Twilio's signature has passed, whatever fails (a 4xx from a domain function or an
// unreadable parameter included) the caller hears an apology, never Twilio's "application error".
import { randomUUID } from "node:crypto";
import { ZodError, type z } from "zod";
import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { logger, type Logger } from "@/lib/logger";
import { readTwilioForm, type TwilioForm, type TwilioParams } from "@/lib/telephony/signature";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import { verifyTwilioForm, type VerifyOptions } from "@/lib/telephony/webhook-auth";

/** What every webhook handler in lib/telephony/webhooks/ takes: the parsed parameters, the salon, the request's logger. */
export type WebhookInput<P> = { params: P; salon: WebhookSalon | null; log: Logger };

type TwilioWebhookContext<P> = WebhookInput<P> & {
  /** Path and query as requested (what the signature covered). */
  path: string;
  requestId: string;
};

type Options = VerifyOptions & { onError?: () => Response };

// What a rejected request says it is: worth a log line to trace a misconfigured number, but
// attacker-controlled, so marked unverified and cut short.
function claimedIds(params: TwilioParams | undefined) {
  const cut = (value: string | undefined) => value?.slice(0, 64);
  return { verified: false, claimedCallSid: cut(params?.CallSid), claimedMessageSid: cut(params?.MessageSid), claimedAccountSid: cut(params?.AccountSid) };
}

export function twilioWebhook<S extends z.ZodType>(
  name: string,
  schema: S,
  handler: (ctx: TwilioWebhookContext<z.output<S>>) => Promise<Response>,
  opts: Options = {},
) {
  return async (req: Request): Promise<Response> => {
    const started = performance.now();
    const requestId = randomUUID();
    // One child logger per request, made once the ids are known (child loggers cost on the hot path).
    let log: Logger | null = null;
    let form: TwilioForm | null = null;
    let verified = false;
    try {
      form = await readTwilioForm(req);
      const hook = await verifyTwilioForm(req, form, opts);
      verified = true;
      const { CallSid, MessageSid, RecordingSid } = hook.params;
      log = logger.child({ requestId, webhook: name, callSid: CallSid, messageSid: MessageSid, recordingSid: RecordingSid, salonId: hook.salon?.id });
      // After verification: a malformed request that Twilio signed is answered like any other failure.
      const params = schema.parse(hook.params);
      const res = await handler({ params, salon: hook.salon, path: hook.path, log, requestId });
      log.info({ status: res.status, ms: Math.round(performance.now() - started) }, `twilio ${name}`);
      return res;
    } catch (err) {
      log ??= logger.child({ requestId, webhook: name });
      if (verified && opts.onError) {
        log.error({ err }, `twilio ${name}: failed, answered with the fallback`);
        return opts.onError();
      }
      if (err instanceof ZodError) {
        // Signed by Twilio yet unreadable: a parameter changed shape, worth knowing which.
        log.warn({ fields: err.issues.map((i) => i.path.join(".")) }, `twilio ${name}: parameters refused`);
      } else if (err instanceof ApiError && err.status < 500) {
        log.warn({ code: err.code, status: err.status, ...(verified ? {} : claimedIds(form?.params)) }, `twilio ${name}: rejected`);
      }
      return toErrorResponse(err, requestId, log);
    }
  };
}
