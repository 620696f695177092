// The phone simulator (sandbox only): play a customer's phone against the salon's own number, calling
// and texting through Bolt's real webhooks and the Twilio sandbox. With real Twilio it doesn't exist (404).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PhoneSimulator } from "@/components/simulator/phone-simulator";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { isTwilioSandbox } from "@/lib/env";
import { getSalonById } from "@/lib/salons/queries";

export const metadata: Metadata = { title: "Phone simulator" };

export default async function SimulatorPage() {
  if (!isTwilioSandbox()) notFound();
  const session = await requireSessionContext();
  const salon = await getSalonById(session.salonId);
  return (
    <>
      <PageHeader
        title="Phone simulator"
        description="Be one of your customers: call or text your salon's number and see what Bolt does, through its real webhooks and the Twilio sandbox."
      />
      {salon.twilioNumber ? (
        <PhoneSimulator salonName={salon.name} salonNumber={salon.twilioNumber} timeZone={salon.timeZone} />
      ) : (
        <Notice tone="warning" title="Your salon has no number yet">
          Start your trial in Settings → Billing; the simulator calls and texts the number you get.
        </Notice>
      )}
    </>
  );
}
