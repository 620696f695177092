// Employees (stylists), services and availability: who works when, what they perform, and the free slots
// that follow. Owners manage employees and services; staff read them.
import { z } from "zod";
import { ANY_MEMBER, type ApiTag, json, JSON_BODY_ERRORS, OWNERS_ONLY, pageOf, paginationDescription, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { availabilityQuerySchema, availabilitySchema } from "@/lib/validations/availability";
import { createEmployeeSchema, employeeResponseSchema, listEmployeesQuerySchema, removalResponseSchema, updateEmployeeSchema } from "@/lib/validations/employees";
import { idParamsSchema } from "@/lib/validations/params";
import { createServiceSchema, listServicesQuerySchema, serviceResponseSchema, updateServiceSchema } from "@/lib/validations/services";

// The response schemas live beside the input ones (lib/validations/), where the API's own tests use them too.
// The stored hours' schema sorts each day with a transform, whose output JSON Schema can't describe: the
// answer's shape is spelled out here.
const day = z.array(z.strictObject({ open: z.string().meta({ example: "09:00" }), close: z.string().meta({ example: "17:30" }) }));
const employeeSchema = employeeResponseSchema
  .extend({ workingHours: z.strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }) })
  .strict()
  .meta({ id: "Employee", description: "`workingHours`: periods per day in the salon's zone (a break is the gap), inside the salon's opening hours." });
const serviceSchema = serviceResponseSchema.strict().meta({ id: "Service", description: "`priceCents`: the price in cents." });
const removal = z.strictObject({ data: removalResponseSchema.strict() }).meta({ id: "Removal", description: "Deleted if never booked, else deactivated." });

const idPath = { path: idParamsSchema };
const newestFirst = (what: string) => `Newest first; \`q\` searches ${what}; \`active\` filters. ${paginationDescription}`;

export const staffAndServicesTags: ApiTag[] = [
  {
    name: "Employees",
    description: "Stylists: contact details, weekly working hours with breaks, time off, and the services each performs.",
    paths: {
      "/api/employees": {
        get: {
          operationId: "listEmployees",
          summary: "List employees",
          description: newestFirst("name, email and phone"),
          security: SALON_SECURITY,
          ...ANY_MEMBER,
          requestParams: { query: listEmployeesQuerySchema },
          responses: { 200: json("A page of employees", pageOf(employeeSchema)), ...salonErrors() },
        },
        post: {
          operationId: "createEmployee",
          summary: "Add an employee",
          description: "Working hours default to the salon's opening hours.",
          security: SALON_SECURITY,
          ...OWNERS_ONLY,
          requestBody: {
            content: {
              "application/json": {
                schema: createEmployeeSchema,
                example: { name: "Maria Lopez", phone: "(415) 555-0199", workingHours: { mon: [], tue: [{ open: "09:00", close: "13:00" }, { open: "14:00", close: "18:00" }], wed: [], thu: [], fri: [], sat: [], sun: [] } },
              },
            },
          },
          responses: { 201: json("Added", z.strictObject({ data: employeeSchema })), ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"] }) },
        },
      },
      "/api/employees/{id}": {
        get: {
          operationId: "getEmployee",
          summary: "Get an employee with hours, services and time off",
          security: SALON_SECURITY,
          ...ANY_MEMBER,
          requestParams: idPath,
          responses: { 200: json("The employee", z.strictObject({ data: employeeSchema })), ...salonErrors({ 404: ["not_found"] }) },
        },
        patch: {
          operationId: "updateEmployee",
          summary: "Change an employee",
          description: "Only the fields given change; `timeOff` and `serviceIds` replace the lists.",
          security: SALON_SECURITY,
          ...OWNERS_ONLY,
          requestParams: idPath,
          requestBody: { content: { "application/json": { schema: updateEmployeeSchema, example: { timeOff: [{ startsAt: "2026-12-24T00:00:00-05:00", endsAt: "2026-12-27T00:00:00-05:00", note: "Holidays" }] } } } },
          responses: { 200: json("The employee", z.strictObject({ data: employeeSchema })), ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"] }) },
        },
        delete: {
          operationId: "removeEmployee",
          summary: "Remove an employee (deactivated if ever booked)",
          security: SALON_SECURITY,
          ...OWNERS_ONLY,
          requestParams: idPath,
          responses: { 200: json("What happened", removal), ...salonErrors({ 404: ["not_found"] }) },
        },
      },
    },
  },
  {
    name: "Services",
    description: "What the salon offers: name, category, duration and price (in cents). The receptionist reads prices from here on the next call.",
    paths: {
      "/api/services": {
        get: {
          operationId: "listServices",
          summary: "List services",
          description: newestFirst("name and category"),
          security: SALON_SECURITY,
          ...ANY_MEMBER,
          requestParams: { query: listServicesQuerySchema },
          responses: { 200: json("A page of services", pageOf(serviceSchema)), ...salonErrors() },
        },
        post: {
          operationId: "createService",
          summary: "Add a service",
          security: SALON_SECURITY,
          ...OWNERS_ONLY,
          requestBody: { content: { "application/json": { schema: createServiceSchema, example: { name: "Balayage", category: "Color", durationMinutes: 150, priceCents: 22000 } } } },
          responses: { 201: json("Added", z.strictObject({ data: serviceSchema })), ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"], 409: ["service_name_taken"] }) },
        },
      },
      "/api/services/{id}": {
        get: {
          operationId: "getService",
          summary: "Get a service with the employees who perform it",
          security: SALON_SECURITY,
          ...ANY_MEMBER,
          requestParams: idPath,
          responses: { 200: json("The service", z.strictObject({ data: serviceSchema })), ...salonErrors({ 404: ["not_found"] }) },
        },
        patch: {
          operationId: "updateService",
          summary: "Change a service",
          description: "Only the fields given change; `employeeIds` replaces the list.",
          security: SALON_SECURITY,
          ...OWNERS_ONLY,
          requestParams: idPath,
          requestBody: { content: { "application/json": { schema: updateServiceSchema, example: { priceCents: 23500 } } } },
          responses: { 200: json("The service", z.strictObject({ data: serviceSchema })), ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"], 409: ["service_name_taken"] }) },
        },
        delete: {
          operationId: "removeService",
          summary: "Remove a service (deactivated if ever booked)",
          security: SALON_SECURITY,
          ...OWNERS_ONLY,
          requestParams: idPath,
          responses: { 200: json("What happened", removal), ...salonErrors({ 404: ["not_found"] }) },
        },
      },
    },
  },
  {
    name: "Availability",
    description: "Free start times: each active stylist who performs the service, their working hours minus time off minus other appointments, never the past.",
    paths: {
      "/api/availability": {
        get: {
          operationId: "getAvailability",
          summary: "Free slots for a service",
          description: "Optionally for one stylist; `from`/`to` are instants with an offset, at most 31 days apart.",
          security: SALON_SECURITY,
          ...ANY_MEMBER,
          requestParams: { query: availabilityQuerySchema },
          responses: {
            200: json("The free slots", z.strictObject({ data: availabilitySchema.strict() })),
            ...salonErrors({ 404: ["not_found"], 422: ["validation_failed", "employee_unavailable"] }),
          },
        },
      },
    },
  },
];
