// The call page's header buttons: the caller's conversation (when they're a customer), text back (a
// new caller included) and call back.
import Link from "@/components/ui/link";
import { MessageSquareIcon, PhoneOutgoingIcon } from "lucide-react";
import { TextBackDialog } from "@/components/calls/text-back-dialog";
import { Button } from "@/components/ui/button";
import { formatPhone, normalizePhone } from "@/lib/phone";

type Props = {
  callId: string;
  from: string;
  customer: { id: string; name: string | null; smsConsent: string } | null;
  callerName: string;
  salonName: string;
};

export function CallActions({ callId, from, customer, callerName, salonName }: Props) {
  // Withheld numbers ("anonymous") can't be called or texted back.
  const callable = normalizePhone(from);
  return (
    <>
      {customer && (
        <Button asChild variant="outline">
          <Link href={`/messages/${customer.id}`}>
            <MessageSquareIcon aria-hidden />
            Messages
          </Link>
        </Button>
      )}
      {callable && (
        <TextBackDialog
          callId={callId}
          salonName={salonName}
          callerName={callerName}
          phoneLabel={formatPhone(callable)}
          firstName={customer?.name?.trim().split(/\s+/)[0] ?? null}
          optedOut={customer?.smsConsent === "OPTED_OUT"}
        />
      )}
      {callable && (
        <Button asChild>
          <a href={`tel:${callable}`}>
            <PhoneOutgoingIcon aria-hidden />
            Call back
          </a>
        </Button>
      )}
    </>
  );
}
