// The call page's header buttons: the caller's conversation (when they're a customer) and call back.
import Link from "next/link";
import { MessageSquareIcon, PhoneOutgoingIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { normalizePhone } from "@/lib/phone";

export function CallActions({ from, customerId }: { from: string; customerId: string | null }) {
  // Withheld numbers ("anonymous") can't be called back.
  const callable = normalizePhone(from);
  return (
    <>
      {customerId && (
        <Button asChild variant="outline">
          <Link href={`/messages/${customerId}`}>
            <MessageSquareIcon aria-hidden />
            Messages
          </Link>
        </Button>
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
