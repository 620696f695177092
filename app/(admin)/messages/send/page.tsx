// Send text: staff and owners text a customer, an employee or any mobile number from the salon's number.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ListIcon } from "lucide-react";
import { SendTextForm } from "@/components/messages/send-text-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { formatPhone } from "@/lib/phone";
import { getSalonById } from "@/lib/salons/queries";

export const metadata: Metadata = { title: "Send text" };

export default async function SendTextPage() {
  const session = await requireSessionContext();
  const salon = await getSalonById(session.salonId);

  return (
    <>
      <PageHeader
        title="Send text"
        description={
          salon.twilioNumber
            ? `From ${formatPhone(salon.twilioNumber)}. Replies show up in Messages.`
            : "Write to a customer, an employee or any mobile number."
        }
        actions={
          <Button asChild variant="outline">
            <Link href="/notifications">
              <ListIcon aria-hidden />
              All notifications
            </Link>
          </Button>
        }
      />
      {!salon.twilioNumber && (
        <Notice tone="warning" title="This salon has no phone number yet">
          Texts can&apos;t be sent until it has one: start your trial in{" "}
          <Link href="/settings/billing" className="underline">
            Settings → Billing
          </Link>{" "}
          and Bolt gets your number.
        </Notice>
      )}
      <div className="w-full max-w-2xl">
        <SendTextForm salonName={salon.name} />
      </div>
    </>
  );
}
