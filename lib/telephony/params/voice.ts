// Twilio's voice webhook parameters (only what Bolt reads; Twilio's other documented parameters pass
// through unread), and the query Bolt puts on its own gather action URL. The routes parse with these;
// the handlers in lib/telephony/webhooks/ receive the typed result.
import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/language";
import { optionalSeconds, optionalText, twilioSid } from "@/lib/telephony/params/fields";

const callParams = {
  CallSid: twilioSid("CA"),
  AccountSid: z.string().optional(),
  From: z.string().default(""),
  To: z.string().default(""),
  CallStatus: optionalText,
  Direction: optionalText,
};

export const incomingCallParamsSchema = z.object(callParams);

export const gatherParamsSchema = z.object({
  ...callParams,
  Digits: optionalText,
  SpeechResult: optionalText,
  Confidence: z.coerce.number().optional().catch(undefined),
});

/**
 * The gather action URL's own query: which attempt this is, whether it follows an answer, which gather
 * of the call, how many times the caller asked for the options again, and the call's language (absent:
 * English, so URLs from before Spanish and English calls read the same).
 */
export const gatherQuerySchema = z.object({
  attempt: z.coerce.number().int().min(1).max(2).catch(1).default(1),
  followUp: z.enum(["1"]).optional().catch(undefined).transform(Boolean),
  step: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  repeats: z.coerce.number().int().min(0).max(100).catch(0).default(0),
  lang: z.enum(LANGUAGES).catch("en").default("en"),
});

export const dialResultParamsSchema = z.object({
  ...callParams,
  DialCallStatus: optionalText,
  DialCallSid: optionalText,
  DialCallDuration: optionalSeconds,
});

/**
 * Twilio's request for the <Number url> of a forwarded call (and its Gather's action): it is about the
 * dialled leg (CallSid, To = the staff phone), and names the caller's call as ParentCallSid.
 */
export const screenParamsSchema = z.object({
  ...callParams,
  ParentCallSid: twilioSid("CA"),
  Digits: optionalText,
});

export const callStatusParamsSchema = z.object({
  ...callParams,
  CallDuration: optionalSeconds,
  Timestamp: optionalText,
});

export const recordingParamsSchema = z.object({
  CallSid: twilioSid("CA"),
  AccountSid: z.string().optional(),
  RecordingSid: twilioSid("RE"),
  RecordingUrl: z.url(),
  RecordingStatus: optionalText,
  RecordingDuration: optionalSeconds,
  /** What made the recording: RecordVerb for Bolt's voicemail; only the status callback sends it. */
  RecordingSource: optionalText,
});

/** The <Record> action: the caller is thanked whether or not it names a usable recording (null then). */
export const recordedParamsSchema = recordingParamsSchema.nullable().catch(null);

export const transcriptionParamsSchema = z.object({
  CallSid: twilioSid("CA"),
  AccountSid: z.string().optional(),
  RecordingSid: z.string().optional(),
  TranscriptionText: z.string().optional(),
  TranscriptionStatus: optionalText,
});

export type IncomingCallParams = z.infer<typeof incomingCallParamsSchema>;
export type GatherParams = z.infer<typeof gatherParamsSchema>;
export type DialResultParams = z.infer<typeof dialResultParamsSchema>;
export type ScreenParams = z.infer<typeof screenParamsSchema>;
export type CallStatusParams = z.infer<typeof callStatusParamsSchema>;
export type RecordingParams = z.infer<typeof recordingParamsSchema>;
export type TranscriptionParams = z.infer<typeof transcriptionParamsSchema>;
