// The waitlist: customers waiting for an earlier time (they ask the receptionist by phone or text). When
// an appointment is cancelled its time is texted to the first few who fit; the first "1" back books it.
import { z } from "zod";
import { ANY_MEMBER, type ApiTag, json, pageOf, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { idParamsSchema } from "@/lib/validations/params";
import { listWaitlistQuerySchema, waitlistEntryResponseSchema } from "@/lib/validations/waitlist";

const entrySchema = waitlistEntryResponseSchema.strict().meta({
  id: "WaitlistEntry",
  description: "`status`: WAITING, OFFERED (a freed slot was texted to them), BOOKED, REMOVED or EXPIRED.",
});

export const waitlistTag: ApiTag = {
  name: "Waitlist",
  description:
    "Customers waiting for a time. A cancelled appointment's slot is texted to the first three entries that fit (window, stylist, service), oldest first; the first to reply 1 gets it, within two hours and at least an hour before it starts.",
  paths: {
    "/api/waitlist": {
      get: {
        operationId: "listWaitlist",
        summary: "List the waitlist",
        description: "Oldest first, the order freed slots are offered in. `status` filters (default: WAITING,OFFERED). Cursor pages: pass `nextCursor` back as `cursor`.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { query: listWaitlistQuerySchema },
        responses: { 200: json("A page of entries", pageOf(entrySchema)), ...salonErrors() },
      },
    },
    "/api/waitlist/{id}": {
      delete: {
        operationId: "removeWaitlistEntry",
        summary: "Take a customer off the waitlist",
        description: "The entry becomes REMOVED; an offer of theirs still out can no longer be taken.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { path: idParamsSchema },
        responses: { 200: json("The removed entry", z.strictObject({ data: entrySchema })), ...salonErrors({ 404: ["not_found"] }) },
      },
    },
  },
};
