// invoice.paid: a trial converted or a past-due bill was settled; the subscription is re-read.
import { handleInvoiceEvent } from "@/lib/billing/events/invoice-event";
import type { EventHandler, Stripe } from "@/lib/billing/events/types";

export const handleInvoicePaid: EventHandler<Stripe.Invoice> = (invoice, ctx) => handleInvoiceEvent(invoice, ctx);
