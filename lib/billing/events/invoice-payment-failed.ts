// invoice.payment_failed: the charge failed (Stripe makes the subscription past_due); re-read it so
// the Billing page says "past due — fix billing" and the number is kept (PAST_DUE keeps it).
import { handleInvoiceEvent } from "@/lib/billing/events/invoice-event";
import type { EventHandler, Stripe } from "@/lib/billing/events/types";

export const handleInvoicePaymentFailed: EventHandler<Stripe.Invoice> = (invoice, ctx) => handleInvoiceEvent(invoice, ctx);
