// What GET /api/telephony/phone-number and Settings → Phone number show: the number in both forms, its
// state in words, and the webhook settings Twilio holds for it next to the ones Bolt expects.
import { salonDb } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { differingWebhooks, expectedWebhooks, type WebhookField } from "@/lib/phone-numbers/expected-webhooks";
import { fetchNumberWebhooks, type NumberWebhooks } from "@/lib/telephony/incoming-numbers";

const log = logger.child({ module: "phone-numbers" });

export type NumberStateName = "none" | "pending" | "active" | "releasing";

export type NumberStatus = {
  number: { e164: string; national: string; sid: string | null } | null;
  state: NumberStateName;
  /** Pending: why the last attempt failed, in words (null while the first attempt runs). */
  pendingReason: string | null;
  releaseAt: string | null;
  webhooks: {
    expected: NumberWebhooks;
    /** What Twilio holds; null when it could not be read (see `error`) or Twilio no longer has the number. */
    actual: NumberWebhooks | null;
    differs: WebhookField[];
    error: string | null;
  } | null;
};

/** "+14155550100" → "(415) 555-0100"; other numbers stay in E.164. */
function nationalForm(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

async function readWebhooks(sid: string, accountSid: string): Promise<NonNullable<NumberStatus["webhooks"]>> {
  const expected = expectedWebhooks();
  try {
    const actual = await fetchNumberWebhooks({ sid, accountSid });
    if (!actual) return { expected, actual: null, differs: [], error: "Twilio no longer has this number on the account." };
    return { expected, actual, differs: differingWebhooks(actual, expected), error: null };
  } catch (err) {
    log.warn({ err, sid }, "could not read the number's webhooks from Twilio");
    return { expected, actual: null, differs: [], error: "Bolt couldn't reach Twilio to read the settings; try again shortly." };
  }
}

/** `withTwilio: false` skips reading the webhooks back (pages that only show the state). */
export async function getNumberStatus(salonId: string, opts: { withTwilio?: boolean } = {}): Promise<NumberStatus> {
  const scoped = salonDb(salonId);
  const [salon, row] = await Promise.all([
    scoped.salon.findUniqueOrThrow({ where: { id: salonId }, select: { twilioNumber: true, twilioNumberSid: true, twilioAccountSid: true } }),
    scoped.numberProvisioning.findUnique({ where: { salonId }, select: { state: true, lastError: true, releaseAt: true } }),
  ]);
  const number = salon.twilioNumber
    ? { e164: salon.twilioNumber, national: nationalForm(salon.twilioNumber), sid: salon.twilioNumberSid }
    : null;
  const state: NumberStateName = number
    ? row?.state === "RELEASING" ? "releasing" : "active"
    : row?.state === "PENDING" ? "pending" : "none";
  const withTwilio = opts.withTwilio ?? true;
  // Numbers are bought on the main account; a row from before accounts were stored (the demo seed) means it.
  const accountSid = salon.twilioAccountSid ?? env.TWILIO_ACCOUNT_SID;
  return {
    number,
    state,
    pendingReason: state === "pending" ? (row?.lastError ?? null) : null,
    releaseAt: state === "releasing" ? (row?.releaseAt?.toISOString() ?? null) : null,
    webhooks: withTwilio && salon.twilioNumberSid && accountSid ? await readWebhooks(salon.twilioNumberSid, accountSid) : null,
  };
}
