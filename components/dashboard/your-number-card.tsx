import Link from "@/components/ui/link";
import { ArrowRightIcon, PhoneCallIcon, PhoneForwardedIcon } from "lucide-react";
import { TestCallButton } from "@/components/onboarding/test-call-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { formatPhone } from "@/lib/phone";

type Props = { twilioNumber: string; forwardingPhone: string | null; sandbox: boolean };

/** The number clients call and text, front and centre (before there is one, the onboarding checklist says why). */
export function YourNumberCard({ twilioNumber, forwardingPhone, sandbox }: Props) {
  return (
    <Card className="bg-gradient-to-br from-card to-accent/60">
      <CardHeader>
        <h2 className="leading-none font-semibold">Your number</h2>
        <CardDescription>Clients call and text this number. Bolt picks up.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap items-center gap-3">
          <span className="flex size-10 items-center justify-center rounded-full bg-primary text-primary-foreground">
            <PhoneCallIcon className="size-5" aria-hidden />
          </span>
          <a
            href={`tel:${twilioNumber}`}
            className="text-2xl font-semibold tracking-tight tabular-nums underline-offset-4 hover:underline"
          >
            {formatPhone(twilioNumber)}
          </a>
          <CopyButton value={formatPhone(twilioNumber)} label="Copy number" showText={false} variant="ghost" />
        </div>
        <p className="flex items-start gap-2 text-sm text-muted-foreground">
          <PhoneForwardedIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          {forwardingPhone
            ? `When a caller asks for a person, Bolt forwards the call to ${formatPhone(forwardingPhone)}.`
            : "Add a forwarding number in Settings so callers can reach a person."}
        </p>
        {/* Sandbox only: hear what callers hear without a phone. */}
        {sandbox && <TestCallButton />}
        <Button asChild variant="outline" size="sm" className="w-fit">
          <Link href="/settings">
            Salon settings
            <ArrowRightIcon aria-hidden />
          </Link>
        </Button>
      </CardContent>
    </Card>
  );
}
