// Calls: the call log, one call with its summary and timeline, staff notes and follow-up, and the
// voicemail audio relay.
import { z } from "zod";
import { CALL_OUTCOMES, SERVED_BY_BOLT } from "@/lib/calls/call-outcome";
import { FOLLOW_UP_REASONS, SUMMARY_ACTION_KINDS } from "@/lib/calls/call-summary";
import { CALL_TIMELINE_KINDS } from "@/lib/calls/call-timeline";
import { CallDirection, CallReason, CallStatus, NotificationKind, NotificationStatus, SmsConsent } from "@/lib/generated/prisma/enums";
import { ANY_MEMBER, type ApiTag, errors, instant, json, JSON_BODY_ERRORS, pageOf, paginationDescription, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { LANGUAGES } from "@/lib/i18n/language";
import { updateCallLogSchema, listCallLogsQuerySchema } from "@/lib/validations/calls";
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
  outcome: z.enum(CALL_OUTCOMES).meta({ description: "How the call went for the salon: BOOKED_BY_BOLT when Bolt booked or moved an appointment." }),
  servedByBolt: z.enum(SERVED_BY_BOLT).nullable().meta({ description: "What Bolt completed by itself: BOOKED (booked or moved) or REQUEST (cancelled, confirmed, waitlisted)." }),
  followUp: z.enum(["OPEN", "HANDLED"]).nullable().meta({ description: "Whether staff need to follow up: opened by Bolt's rule (see summary.followUp for why), handled or reopened by staff." }),
  assignee: z.strictObject({ id: z.string(), name: z.string() }).nullable().meta({ description: "The member who has the follow-up; null: anyone." }),
};

const entityFields = {
  service: z.string().optional(),
  stylist: z.string().optional().meta({ description: "A stylist's name, or \"anyone\"." }),
  when: z
    .strictObject({ text: z.string().meta({ example: "Saturday morning" }), start: z.string().meta({ example: "2026-12-12T17:00:00.000Z" }) })
    .optional(),
};

const callSummarySchema = z
  .strictObject({
    language: z.enum(LANGUAGES).nullable(),
    intents: z
      .array(z.strictObject({ intent: z.enum(CallReason).exclude(["UNKNOWN"]), ...entityFields }))
      .meta({ description: "What the caller wanted, with the service, stylist and time they named." }),
    notUnderstood: z.boolean(),
    actions: z
      .array(
        z.strictObject({
          kind: z.enum(SUMMARY_ACTION_KINDS),
          topic: z.enum(["HOURS", "ADDRESS", "PRICES"]).optional(),
          startsAt: z.string().optional().meta({ example: "2026-12-12T17:30:00.000Z" }),
          from: z.string().optional().meta({ description: "Where a moved appointment was before.", example: "2026-12-10T17:00:00.000Z" }),
          service: z.string().optional(),
          stylist: z.string().optional(),
        }),
      )
      .meta({ description: "What Bolt did, in call order: ANSWERED (a topic), BOOKING_TEXT, BOOKED, MOVED, CANCELLED, CONFIRMED, WAITLISTED, TRANSFERRED (staff took it), MESSAGE (voicemail)." }),
    followUp: z.enum(FOLLOW_UP_REASONS).nullable().meta({ description: "Why staff should follow up, by Bolt's rule; null when they needn't." }),
  })
  .meta({ id: "CallSummary" });

const callLogListItemSchema = z
  .strictObject({
    ...callFields,
    summary: callSummarySchema.nullable().meta({ description: "Null for calls logged before summaries were kept (the call's own page derives one)." }),
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
    summary: callSummarySchema,
    followUpChangedAt: instant.nullable().meta({ description: "When staff last marked it handled or reopened it." }),
    followUpChangedBy: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
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
        description: `Newest first. \`from\`/\`to\` as a date are whole days in the salon's zone (\`to\` before \`from\` is a 422); \`q\` matches part of the caller's number or the customer's name; \`followUp=open\` is the calls staff need to follow up; \`assignee\` is \`me\` (the signed-in member; 422 \`assignee_me_needs_member\` with an API key), a member's user id, or \`none\`. ${paginationDescription}`,
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { query: listCallLogsQuerySchema },
        responses: { 200: json("A page of calls", pageOf(callLogListItemSchema)), ...salonErrors({ 422: ["validation_failed", "assignee_me_needs_member"] }) },
      },
    },
    "/api/telephony/call-logs/{id}": {
      get: {
        operationId: "getCallLog",
        summary: "Get one call with its summary and timeline",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { path: idParamsSchema },
        responses: { 200: json("The call", callLogDetailSchema), ...salonErrors({ 404: ["not_found"] }) },
      },
      patch: {
        operationId: "updateCallLog",
        summary: "Edit a call's staff notes, mark its follow-up handled or assign it",
        description: "`followUp`: HANDLED marks it handled, OPEN reopens it (recorded with who and when, and in the audit log); after that Bolt's rule no longer changes it. `assigneeId`: a member of the salon (else 422 `assignee_not_member`), or null for nobody. Setting what is already set changes nothing.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { path: idParamsSchema },
        requestBody: { content: { "application/json": { schema: updateCallLogSchema, example: { followUp: "HANDLED", notes: "Called back, booked Friday." } } } },
        responses: { 200: json("The call", callLogDetailSchema), ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"], 422: ["validation_failed", "assignee_not_member"] }) },
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
