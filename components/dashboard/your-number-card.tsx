import Link from "next/link";
import { ArrowRightIcon, PhoneCallIcon, PhoneForwardedIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { formatPhone } from "@/lib/phone";

type Props = { twilioNumber: string | null; forwardingPhone: string | null };

/** The number clients call and text, front and centre, or what happens before there is one. */
export function YourNumberCard({ twilioNumber, forwardingPhone }: Props) {
  return (
    <Card className="bg-gradient-to-br from-card to-accent/60">
      <CardHeader>
        <CardTitle>Your number</CardTitle>
        <CardDescription>
          {twilioNumber
            ? "Clients call and text this number. Bolt picks up."
            : "Bolt gives your salon its own number."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {twilioNumber ? (
          <>
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
              <CopyButton
                value={formatPhone(twilioNumber)}
                label="Copy number"
                showText={false}
                variant="ghost"
              />
            </div>
            <p className="flex items-start gap-2 text-sm text-muted-foreground">
              <PhoneForwardedIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
              {forwardingPhone
                ? `When a caller asks for a person, Bolt forwards the call to ${formatPhone(forwardingPhone)}.`
                : "Add a forwarding number in Settings so callers can reach a person."}
            </p>
          </>
        ) : (
          <div className="grid gap-2">
            <Badge variant="secondary">No number yet</Badge>
            <p className="text-sm text-muted-foreground">
              It&apos;s set up automatically when your subscription starts. Then put it on your website,
              booking pages and business listings.
            </p>
          </div>
        )}
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
