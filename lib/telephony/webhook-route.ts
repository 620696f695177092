// Turns a webhook handler into a Next route: verify first, log the request with its Twilio ids and
// timing, map thrown errors once. Voice routes pass a spoken fallback so a caller never hears
// Twilio's "application error" when something breaks on our side.
import { randomUUID } from "node:crypto";
import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { logger, type Logger } from "@/lib/logger";
import { verifyTwilioWebhook, type VerifiedTwilioWebhook, type VerifyOptions } from "@/lib/telephony/webhook-auth";

export type TwilioWebhookContext = VerifiedTwilioWebhook & { log: Logger; requestId: string };

type Options = VerifyOptions & { onError?: () => Response };

export function twilioWebhook(name: string, handler: (ctx: TwilioWebhookContext) => Promise<Response>, opts: Options = {}) {
  return async (req: Request): Promise<Response> => {
    const started = performance.now();
    const requestId = randomUUID();
    // One child logger per request, made once the ids are known (child loggers cost on the hot path).
    let log: Logger | null = null;
    let verified = false;
    try {
      const hook = await verifyTwilioWebhook(req, opts);
      verified = true;
      const { CallSid, MessageSid, RecordingSid } = hook.params;
      log = logger.child({ requestId, webhook: name, callSid: CallSid, messageSid: MessageSid, recordingSid: RecordingSid, salonId: hook.salon?.id });
      const res = await handler({ ...hook, log, requestId });
      log.info({ status: res.status, ms: Math.round(performance.now() - started) }, `twilio ${name}`);
      return res;
    } catch (err) {
      log ??= logger.child({ requestId, webhook: name });
      if (err instanceof ApiError && err.status < 500) {
        log.warn({ code: err.code, status: err.status }, `twilio ${name}: rejected`);
      } else if (verified && opts.onError) {
        log.error({ err }, `twilio ${name}: failed, answered with the fallback`);
        return opts.onError();
      }
      return toErrorResponse(err, requestId, log);
    }
  };
}
