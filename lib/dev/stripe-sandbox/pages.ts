// The stand-in's hosted pages: Checkout and the Billing Portal, plain HTML marked as the sandbox.
import type { StripeJson } from "./objects";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Stripe sandbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
.banner{background:#fef3c7;border:1px solid #f59e0b;border-radius:.5rem;padding:.5rem .75rem;font-size:.875rem}
button{display:block;width:100%;margin:.5rem 0;padding:.75rem;border-radius:.5rem;border:1px solid #d1d5db;background:#fff;font-size:1rem;cursor:pointer}
button.primary{background:#4f46e5;border-color:#4f46e5;color:#fff}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{color:#6b7280}</style>
</head><body><p class="banner" role="note"><strong>Sandbox</strong> — a local stand-in for Stripe. No card is charged; nothing leaves this machine.</p>${body}</body></html>`;
}

const money = (cents: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
const day = (seconds: unknown) =>
  typeof seconds === "number" ? new Date(seconds * 1000).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" }) : "—";

export function checkoutPage(session: StripeJson, plan: { name: string; price: StripeJson }, trialDays: number): string {
  const id = escape(String(session.id));
  const amount = money(Number(plan.price.unit_amount), String(plan.price.currency));
  if (session.status !== "open") return page("Checkout", `<h1>This checkout is finished</h1>`);
  const cta = trialDays > 0 ? `Start ${trialDays}-day trial — no card needed in the sandbox` : `Subscribe — no card needed in the sandbox`;
  const cancel = session.cancel_url ? `<p><a href="${escape(String(session.cancel_url))}">Cancel and go back</a></p>` : "";
  return page(
    "Checkout",
    `<h1>${escape(plan.name)}</h1><p>${amount} a month${trialDays > 0 ? ` after a ${trialDays}-day free trial` : ""}.</p>
<form method="post" action="/checkout/${id}/complete"><button class="primary" type="submit">${cta}</button></form>${cancel}`,
  );
}

export function portalPage(session: StripeJson, subscription: StripeJson | undefined): string {
  const id = escape(String(session.id));
  const back = session.return_url ? `<p><a href="${escape(String(session.return_url))}">Return to Bolt</a></p>` : "";
  if (!subscription) return page("Billing", `<h1>Billing</h1><p>No subscription.</p>${back}`);
  const action = (name: string, label: string, primary = false) =>
    `<form method="post" action="/portal/${id}/${name}"><button${primary ? ' class="primary"' : ""} type="submit">${label}</button></form>`;
  const status = String(subscription.status);
  const live = status !== "canceled" && status !== "incomplete_expired";
  const actions = !live
    ? ""
    : [
        subscription.cancel_at_period_end ? action("resume", "Resume subscription", true) : action("cancel", "Cancel subscription"),
        status === "trialing" || status === "past_due" ? action("pay", "(sandbox) Pay now — end the trial or settle the bill") : "",
        action("fail-payment", "(sandbox) Make the next payment fail"),
        action("cancel-now", "(sandbox) End the subscription now"),
      ].join("");
  return page(
    "Billing",
    `<h1>Billing</h1><dl><dt>Status</dt><dd>${escape(status)}</dd><dt>Trial ends</dt><dd>${day(subscription.trial_end)}</dd>
<dt>Cancels on</dt><dd>${day(subscription.cancel_at)}</dd><dt>Ended</dt><dd>${day(subscription.ended_at)}</dd></dl>${actions}${back}`,
  );
}
