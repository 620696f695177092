// Twilio's messaging webhook parameters: an incoming text and a sent text's status callback (only
// what Bolt reads; Twilio's other documented parameters pass through unread). The routes parse with
// these; the handlers in lib/telephony/webhooks/ receive the typed result.
import { z } from "zod";
import { optionalText, twilioSid } from "@/lib/telephony/params/fields";

// SM… for texts, MM… for picture messages.
const messageSid = twilioSid("SM", "MM");
// Twilio caps a message at 10 media items.
const MAX_MEDIA = 10;

/** Advanced Opt-Out (a Messaging Service setting) marks a keyword it has already answered. */
const OPT_OUT_TYPES = ["STOP", "START", "HELP"] as const;
export type OptOutType = (typeof OPT_OUT_TYPES)[number];

export const inboundSmsParamsSchema = z
  .object({
    MessageSid: messageSid.optional(),
    // Older parameter name Twilio still sends alongside MessageSid.
    SmsSid: messageSid.optional(),
    AccountSid: z.string().optional(),
    From: z.string().default(""),
    To: z.string().default(""),
    Body: z.string().default(""),
    NumMedia: z.coerce.number().int().min(0).max(MAX_MEDIA).catch(0).default(0),
    // A value Twilio adds later is not one Bolt knows to have been answered: read as absent.
    OptOutType: z.enum(OPT_OUT_TYPES).optional().catch(undefined),
  })
  .catchall(z.string())
  .transform((p, ctx) => {
    const messageSid = p.MessageSid ?? p.SmsSid;
    if (!messageSid) {
      ctx.addIssue({ code: "custom", path: ["MessageSid"], message: "MessageSid is required" });
      return z.NEVER;
    }
    const mediaUrls: string[] = [];
    for (let i = 0; i < p.NumMedia; i++) {
      const url = p[`MediaUrl${i}`];
      if (typeof url === "string" && URL.canParse(url)) mediaUrls.push(url);
    }
    return { messageSid, from: p.From, to: p.To, body: p.Body, numMedia: p.NumMedia, mediaUrls, optOutType: p.OptOutType };
  });

export type InboundSms = z.output<typeof inboundSmsParamsSchema>;

/** A sent text's StatusCallback. A report Bolt cannot place (no usable SID or status) is acknowledged and ignored. */
export const smsStatusParamsSchema = z
  .object({
    MessageSid: messageSid.optional().catch(undefined),
    SmsSid: messageSid.optional().catch(undefined),
    AccountSid: z.string().optional(),
    From: z.string().default(""),
    To: z.string().default(""),
    MessageStatus: optionalText,
    SmsStatus: optionalText,
    ErrorCode: optionalText,
  })
  .transform((p) => ({
    messageSid: p.MessageSid ?? p.SmsSid,
    messageStatus: p.MessageStatus ?? p.SmsStatus,
    // Twilio sends ErrorCode=0 on some successful reports.
    errorCode: p.ErrorCode && p.ErrorCode !== "0" ? p.ErrorCode : null,
  }));

export type SmsStatusReport = z.output<typeof smsStatusParamsSchema>;
