// Calls: the call log, one call with its timeline, staff notes, and the voicemail audio relay.
import { z } from "zod";
import { CALL_OUTCOMES } from "@/lib/calls/call-outcome";
import { CALL_TIMELINE_KINDS } from "@/lib/calls/call-timeline";
import { CallDirection, CallReason, CallStatus, NotificationKind, NotificationStatus, SmsConsent } from "@/lib/generated/prisma/enums";
import { ANY_MEMBER, type ApiTag, errors, instant, json, JSON_BODY_ERRORS, pageOf, paginationDescription, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { updateCallNotesSchema, listCallLogsQuerySchema } from "@/lib/validations/calls";
import { LANGUAGES } from "@/lib/i18n/language";
import { mediaQuerySchema } from "@/lib/validations/media";
import { idParamsSchema } from "@/lib/validations/params";

const callFields = {
  id: z.string(),
  callSid: z.string(),
  direction: z.enum(CallDirection),
  from: z.string().meta({ description: "The caller, E.164 (or as Twilio sent a withheld number).", example: "+14155550123" }),
  to: z.string(),
  status: z.enum(CallStatus).meta({ description: "Twilio's line status." }),
  reason: z.enum(CallReason).nullable(),
  startedAt: instant,
  answeredAt: instant.nullable(),
  endedAt: instant.nullable(),
  durationSeconds: z.number().int().nullable(),
  forwardedTo: z.string().nullable(),
  recordingSid: z.string().nullable(),
  recordingDurationSeconds: z.number().int().nullable(),
  transcription: z.string().nullable(),
  missedCallTextAt: instant.nullable(),
  notes: z.string().nullable(),
};

const callLogListItemSchema = z
  .strictObject({
    ...callFields,
    customer: z.strictObject({ id: z.string(), name: z.string().nullable(), phone: z.string() }).nullable(),
  })
  .meta({ id: "CallLogListItem" });

const timelineEntrySchema = z
  .object({
    at: instant,
    kind: z.enum(CALL_TIMELINE_KINDS).meta({ description: "Stable: branch on this." }),
    label: z.string().meta({ description: "In plain words, for people.", example: "Caller asked for the opening hours" }),
    heard: z.string().optional(),
    digits: z.string().optional(),
    intent: z.string().optional(),
    number: z.string().optional(),
    seconds: z.number().optional(),
    result: z.string().optional(),
    why: z.string().optional(),
  })
  .strict()
  .meta({ id: "CallTimelineEntry" });

const callLogDetailSchema = z
  .strictObject({
    ...callFields,
    salonId: z.string(),
    outcome: z.enum(CALL_OUTCOMES),
    transcriptionStatus: z.string().nullable(),
    language: z.enum(LANGUAGES).nullable().meta({ description: "The language the call was held in (the caller's remembered one, or chosen on the call); null: English, nobody chose." }),
    customerId: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
    customer: z
      .strictObject({ id: z.string(), name: z.string().nullable(), phone: z.string(), smsConsent: z.enum(SmsConsent) })
      .nullable(),
    recording: z
      .strictObject({ url: z.string().meta({ example: "/api/telephony/call-logs/cm4call0001/recording" }), durationSeconds: z.number().int().nullable() })
      .nullable()
      .meta({ description: "Bolt's relay of the voicemail; Twilio's own URL is never exposed." }),
    texts: z.array(
      z.strictObject({ id: z.string(), kind: z.enum(NotificationKind), status: z.enum(NotificationStatus), createdAt: instant, failureReason: z.string().nullable() }),
    ),
    timeline: z.array(timelineEntrySchema).meta({ description: "What happened, oldest first." }),
  })
  .meta({ id: "CallLogDetail" });

export const callsTag: ApiTag = {
  name: "Calls",
  description: "Every call to the salon's number: how it went, what the caller asked, voicemails and their transcripts.",
  paths: {
    "/api/telephony/call-logs": {
      get: {
        operationId: "listCallLogs",
        summary: "List calls",
        description: `Newest first. \`from\`/\`to\` as a date are whole days in the salon's zone (\`to\` before \`from\` is a 422); \`q\` matches part of the caller's number or the customer's name. ${paginationDescription}`,
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { query: listCallLogsQuerySchema },
        responses: { 200: json("A page of calls", pageOf(callLogListItemSchema)), ...salonErrors() },
      },
    },
    "/api/telephony/call-logs/{id}": {
      get: {
        operationId: "getCallLog",
        summary: "Get one call with its timeline",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { path: idParamsSchema },
        responses: { 200: json("The call", callLogDetailSchema), ...salonErrors({ 404: ["not_found"] }) },
      },
      patch: {
        operationId: "updateCallNotes",
        summary: "Edit a call's staff notes",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { path: idParamsSchema },
        requestBody: { content: { "application/json": { schema: updateCallNotesSchema, example: { notes: "Wants a Saturday balayage; call back Friday." } } } },
        responses: { 200: json("The call", callLogDetailSchema), ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"] }) },
      },
    },
    "/api/telephony/call-logs/{id}/recording": {
      get: {
        operationId: "getCallRecording",
        summary: "Play or download the call's voicemail",
        description: "MP3 relayed from Twilio with the salon's credentials. One byte `Range` is honoured (206 with `Content-Range`); `?download=1` names a file.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { path: idParamsSchema, query: mediaQuerySchema },
        responses: {
          200: { description: "The audio", content: { "audio/mpeg": { schema: { type: "string", contentMediaType: "audio/mpeg" } } } },
          206: { description: "The requested byte range", content: { "audio/mpeg": { schema: { type: "string", contentMediaType: "audio/mpeg" } } } },
          ...salonErrors({ 404: ["not_found", "recording_not_found"] }),
          ...errors({ 502: ["twilio_unavailable"] }),
        },
      },
    },
  },
};
