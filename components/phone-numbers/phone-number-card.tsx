// Settings → Phone number: the number (national and E.164, with a copy button), its state, the webhook
// settings Twilio holds next to Bolt's, and the owner's buttons. Server component; the buttons are client parts.
import Link from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";
import { GetNumberForm } from "@/components/phone-numbers/get-number-form";
import { ReapplyWebhooksButton } from "@/components/phone-numbers/reapply-webhooks-button";
import { RefreshWhilePending } from "@/components/phone-numbers/refresh-while-pending";
import type { NumberStatus } from "@/lib/phone-numbers/get-number-status";

const STATE_BADGES = {
  none: { label: "No number", variant: "outline" },
  pending: { label: "Pending", variant: "warning" },
  active: { label: "Active", variant: "success" },
  releasing: { label: "Releasing", variant: "destructive" },
} as const;

const FIELD_LABELS: Record<string, string> = {
  voiceUrl: "Calls (voice URL)",
  voiceMethod: "Calls method",
  statusCallback: "Call status callback",
  statusCallbackMethod: "Call status method",
  smsUrl: "Texts (SMS URL)",
  smsMethod: "Texts method",
};

function day(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeZone }).format(new Date(iso));
}

export function PhoneNumberCard({
  status,
  isOwner,
  subscribed,
  timeZone,
}: {
  status: NumberStatus;
  isOwner: boolean;
  /** An ACTIVE or TRIALING subscription: only then can an owner get a number. */
  subscribed: boolean;
  timeZone: string;
}) {
  const badge = STATE_BADGES[status.state];
  const webhooks = status.webhooks;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Your number <Badge variant={badge.variant}>{badge.label}</Badge>
        </CardTitle>
        <CardDescription>The number customers call and text. Bolt answers it.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {status.number && (
          <div className="flex flex-wrap items-center gap-3">
            <div>
              <p className="text-2xl font-semibold tabular-nums" data-testid="salon-number">{status.number.national}</p>
              <p className="text-sm text-muted-foreground tabular-nums">{status.number.e164}</p>
            </div>
            <CopyButton value={status.number.e164} label="Copy number" />
          </div>
        )}
        {status.state === "none" && (
          <p className="text-sm text-muted-foreground">
            No number yet — one is bought automatically when your subscription starts (
            <Link href="/settings/billing" className="underline">
              Settings → Billing
            </Link>
            ).
          </p>
        )}
        {status.state === "pending" && (
          <>
            <RefreshWhilePending />
            <Notice tone={status.pendingReason ? "warning" : "info"} title="Getting your number…">
              {status.pendingReason ?? "Bolt is buying a local number for you; it appears here in a moment."}
            </Notice>
          </>
        )}
        {status.state === "releasing" && status.releaseAt && (
          <Notice tone="warning" title={`This number will be released on ${day(status.releaseAt, timeZone)}`}>
            Your subscription has ended. Subscribe again in Settings → Billing before then to keep it.
          </Notice>
        )}
        {isOwner && subscribed && (status.state === "none" || status.state === "pending") && (
          <GetNumberForm label={status.state === "pending" ? "Try again now" : "Get my number"} />
        )}
        {webhooks && (
          <div className="grid gap-2">
            <h3 className="text-sm font-medium">Webhook settings at Twilio</h3>
            {webhooks.error && <Notice tone="warning" title={webhooks.error} />}
            {webhooks.differs.length > 0 && (
              <Notice tone="warning" title="Twilio's settings differ from what Bolt expects">
                Calls or texts may not reach Bolt. Re-apply the settings to fix it.
              </Notice>
            )}
            {webhooks.actual && (
              <dl className="grid gap-1 text-sm sm:grid-cols-[12rem_1fr]">
                {Object.entries(webhooks.actual).map(([field, value]) => (
                  <div key={field} className="contents">
                    <dt className="text-muted-foreground">{FIELD_LABELS[field] ?? field}</dt>
                    <dd className={`break-all ${webhooks.differs.includes(field as keyof typeof webhooks.actual) ? "text-destructive" : ""}`}>
                      {value ?? "—"}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {isOwner && <div><ReapplyWebhooksButton /></div>}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
