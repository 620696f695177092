// A customer's page: who they are, their texting consent in plain words, what's coming up, notes, one
// timeline of everything Bolt knows, and the merge and delete tools. A merged record's link goes on to
// the customer it was merged into.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { MailIcon, PencilIcon, PhoneIcon } from "lucide-react";
import { ConsentNotice } from "@/components/customers/consent-notice";
import { CustomerNotesForm } from "@/components/customers/customer-notes-form";
import { CustomerTimeline } from "@/components/customers/customer-timeline";
import { DeleteCustomerButton } from "@/components/customers/delete-customer-button";
import { MergeCustomerForm } from "@/components/customers/merge-customer-form";
import { UpcomingAppointments } from "@/components/customers/upcoming-appointments";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/api/errors";
import { requireSessionContext } from "@/lib/auth/session";
import { getCustomerDetail, resolveCustomerId } from "@/lib/customers/get-customer";
import { formatPhone } from "@/lib/phone";
import { getSalonById } from "@/lib/salons/queries";
import { resourceIdSchema } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Customer" };

type Props = { params: Promise<{ customerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(salonId: string, rawId: string) {
  const id = resourceIdSchema.safeParse(rawId);
  if (!id.success) notFound();
  try {
    const resolved = await resolveCustomerId(salonId, id.data);
    if (resolved !== id.data) redirect(`/customers/${resolved}`);
    return await getCustomerDetail(salonId, resolved, new Date());
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}

export default async function CustomerPage({ params, searchParams }: Props) {
  const session = await requireSessionContext();
  const [{ customerId }, flags] = await Promise.all([params, searchParams]);
  const [salon, customer] = await Promise.all([getSalonById(session.salonId), load(session.salonId, customerId)]);
  const tz = salon.timeZone;
  return (
    <>
      <PageHeader
        title={customer.name ?? formatPhone(customer.phone)}
        description={
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <a href={`tel:${customer.phone}`} className="inline-flex items-center gap-1.5 tabular-nums">
              <PhoneIcon className="size-3.5" aria-hidden /> {formatPhone(customer.phone)}
            </a>
            {customer.email && (
              <a href={`mailto:${customer.email}`} className="inline-flex items-center gap-1.5">
                <MailIcon className="size-3.5" aria-hidden /> {customer.email}
              </a>
            )}
            {customer.smsConsent === "OPTED_IN" && <Badge variant="success">Texts on</Badge>}
            {customer.language && <Badge variant="secondary">{customer.language === "es" ? "Speaks Spanish" : "Speaks English"}</Badge>}
          </span>
        }
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={`/customers/${customer.id}/edit`}>
              <PencilIcon aria-hidden /> Edit
            </Link>
          </Button>
        }
      />
      {flags.added && <Notice title="Customer added" />}
      {flags.saved && <Notice title="Changes saved" />}
      {customer.smsConsent === "OPTED_OUT" && <ConsentNotice optedOutAt={customer.optedOutAt} stopTextedAt={customer.stopTextedAt} timeZone={tz} />}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid content-start gap-6">
          <UpcomingAppointments appointments={customer.upcoming} timeZone={tz} />
          <Card>
            <CardHeader>
              <CardTitle>History</CardTitle>
            </CardHeader>
            <CardContent>
              <CustomerTimeline entries={customer.timeline} timeZone={tz} />
            </CardContent>
          </Card>
        </div>
        <div className="grid content-start gap-6">
          <Card>
            <CardContent className="pt-6">
              <CustomerNotesForm customerId={customer.id} notes={customer.notes} version={customer.updatedAt.toISOString()} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Same person, two records?</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              <MergeCustomerForm customerId={customer.id} />
              <DeleteCustomerButton customerId={customer.id} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
