// The stand-in's hosted pages: Checkout and the Billing Portal, plain HTML marked as the sandbox.
import type { StripeJson } from "./objects";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>[Sandbox] ${escape(title)} · Stripe stand-in</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1f2937;border-top:.5rem solid #f59e0b}
main{max-width:28rem;margin:1.5rem auto;padding:0 1rem}
.banner{background:repeating-linear-gradient(135deg,#fef3c7 0 12px,#fde68a 12px 24px);border:1px solid #f59e0b;border-radius:.5rem;padding:.5rem .75rem;font-size:.875rem}
.kind{color:#92400e;font-size:.75rem;font-weight:600;letter-spacing:.08em;text-transform:uppercase;margin:1.25rem 0 0}
h1{margin:.25rem 0 1rem;font-size:1.75rem}
button{display:block;width:100%;margin:.5rem 0;padding:.75rem;border-radius:.5rem;border:1px solid #d1d5db;background:#fff;font-size:1rem;cursor:pointer;min-height:2.75rem}
button.primary{background:#4f46e5;border-color:#4f46e5;color:#fff}button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{color:#6b7280}dd{margin:0}a{display:inline-block;padding:.5rem 0}</style>
</head><body><main><p class="banner" role="note"><strong>Sandbox</strong> — a local stand-in for Stripe. No card is charged; nothing leaves this machine.</p>
<p class="kind">${escape(title)} (sandbox)</p>${body}</main></body></html>`;
}

const money = (cents: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
// The page can't know the salon's zone: the date is given in UTC, and says so.
const day = (seconds: unknown) =>
  typeof seconds === "number" ? `${new Date(seconds * 1000).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })} (UTC)` : "—";

export function checkoutPage(session: StripeJson, plan: { name: string; price: StripeJson }, trialDays: number): string {
  const id = escape(String(session.id));
  const amount = money(Number(plan.price.unit_amount), String(plan.price.currency));
  if (session.status !== "open") return page("Stripe Checkout", `<h1>This checkout is finished</h1>`);
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
  if (!subscription) return page("Billing portal", `<h1>Billing</h1><p>No subscription.</p>${back}`);
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
    "Billing portal",
    `<h1>Billing</h1><dl><dt>Status</dt><dd>${escape(status)}</dd><dt>Trial ends</dt><dd>${day(subscription.trial_end)}</dd>
<dt>Cancels on</dt><dd>${day(subscription.cancel_at)}</dd><dt>Ended</dt><dd>${day(subscription.ended_at)}</dd></dl>${actions}${back}`,
  );
}
