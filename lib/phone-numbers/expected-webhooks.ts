// The webhook settings every salon number must carry: this app's routes under PUBLIC_BASE_URL, all POST.
// Used when buying, when re-applying, and to warn when what Twilio holds differs.
import { env } from "@/lib/env";
import type { NumberWebhooks } from "@/lib/telephony/incoming-numbers";

export function expectedWebhooks(): NumberWebhooks {
  const base = env.PUBLIC_BASE_URL.replace(/\/+$/, "");
  return {
    voiceUrl: `${base}/api/webhooks/twilio/voice`,
    voiceMethod: "POST",
    // Every call's end reaches /voice/status, so a caller who hangs up mid-greeting is still logged.
    statusCallback: `${base}/api/webhooks/twilio/voice/status`,
    statusCallbackMethod: "POST",
    smsUrl: `${base}/api/webhooks/twilio/sms`,
    smsMethod: "POST",
  };
}

export type WebhookField = keyof NumberWebhooks;

/** The fields where Twilio's settings differ from Bolt's (methods compared case-insensitively). */
export function differingWebhooks(actual: NumberWebhooks, expected = expectedWebhooks()): WebhookField[] {
  return (Object.keys(expected) as WebhookField[]).filter((field) => {
    const want = expected[field];
    const have = actual[field];
    return field.endsWith("ethod") ? want?.toUpperCase() !== have?.toUpperCase() : want !== have;
  });
}
