// Appointments: book, read, move, cancel and confirm; reminders and confirmations follow each change.
import { z } from "zod";
import { AppointmentStatus, NotificationKind, NotificationStatus } from "@/lib/generated/prisma/enums";
import { ANY_MEMBER, type ApiTag, idempotencyHeader, instant, json, JSON_BODY_ERRORS, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { createAppointmentSchema, updateAppointmentSchema } from "@/lib/validations/appointments";
import { idParamsSchema } from "@/lib/validations/params";

const appointmentFields = {
  id: z.string(),
  salonId: z.string(),
  customerId: z.string(),
  employeeId: z.string().nullable(),
  serviceId: z.string().nullable(),
  startsAt: instant,
  endsAt: instant,
  status: z.enum(AppointmentStatus),
  confirmedAt: instant.nullable(),
  rescheduleRequestedAt: instant.nullable().meta({ description: "When the customer replied R to reschedule." }),
  notes: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
};

const appointmentSchema = z.strictObject(appointmentFields).meta({ id: "Appointment" });

const appointmentDetailSchema = z
  .strictObject({
    ...appointmentFields,
    customer: z.strictObject({ id: z.string(), name: z.string().nullable(), phone: z.string() }),
    employee: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
    service: z.strictObject({ id: z.string(), name: z.string(), durationMinutes: z.number().int() }).nullable(),
    notifications: z
      .array(
        z.strictObject({
          id: z.string(),
          kind: z.enum(NotificationKind),
          status: z.enum(NotificationStatus),
          scheduledFor: instant.nullable(),
          failureReason: z.string().nullable(),
          sentAt: instant.nullable(),
          createdAt: instant,
        }),
      )
      .meta({ description: "Its reminders and confirmations, oldest first." }),
  })
  .meta({ id: "AppointmentDetail" });

const detail = z.strictObject({ data: appointmentDetailSchema });
// slot_taken: the stylist is already booked then (a PostgreSQL exclusion constraint decides, so of two
// concurrent bookings one wins); the message names who and when, `details` the booking in the way.
const CHANGE_CONFLICTS = ["appointment_not_active", "appointment_not_started", "slot_taken"];

export const appointmentsTag: ApiTag = {
  name: "Appointments",
  description:
    "Booking plans the reminders at the salon's offsets (and the confirmation, if the salon auto-confirms) and texts the stylist; moving or cancelling replaces or cancels the queued reminders.",
  paths: {
    "/api/appointments": {
      post: {
        operationId: "createAppointment",
        summary: "Book an appointment",
        description: "Times carry an explicit offset. `endsAt` may be left out when `serviceId` gives the duration.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { header: idempotencyHeader },
        requestBody: {
          content: {
            "application/json": {
              schema: createAppointmentSchema,
              example: { customerId: "cm4cust0001", employeeId: "cm4empl0001", serviceId: "cm4serv0001", startsAt: "2026-12-11T14:00:00-05:00" },
            },
          },
        },
        responses: {
          201: json("Booked", z.strictObject({ data: appointmentSchema })),
          ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"], 409: ["slot_taken"], 422: ["validation_failed", "employee_inactive"] }),
        },
      },
    },
    "/api/appointments/{id}": {
      get: {
        operationId: "getAppointment",
        summary: "Get an appointment with its reminders and confirmations",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { path: idParamsSchema },
        responses: { 200: json("The appointment", detail), ...salonErrors({ 404: ["not_found"] }) },
      },
      patch: {
        operationId: "updateAppointment",
        summary: "Move, cancel, confirm or close an appointment",
        description:
          'One explicit `action`: `{ "action": "reschedule", "startsAt", "endsAt"?, "employeeId"? }` (another time or stylist), `cancel`, `confirm`, or after it started `complete` / `no_show`. Taking a stylist\'s booked time is a 409 `slot_taken`.',
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { path: idParamsSchema },
        requestBody: {
          content: {
            "application/json": {
              schema: updateAppointmentSchema,
              examples: {
                reschedule: { value: { action: "reschedule", startsAt: "2026-12-12T10:00:00-05:00" } },
                cancel: { value: { action: "cancel" } },
              },
            },
          },
        },
        responses: {
          200: json("The appointment after the change", detail),
          ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"], 409: CHANGE_CONFLICTS }),
        },
      },
    },
  },
};
