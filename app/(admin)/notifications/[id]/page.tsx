// One notification: the message as sent, where it is now, and every status change on the way.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon, SendIcon } from "lucide-react";
import { LiveRefresh } from "@/components/live/live-refresh";
import { KIND_LABELS } from "@/components/notifications/labels";
import { NotificationDetails } from "@/components/notifications/notification-details";
import { NotificationHistory } from "@/components/notifications/notification-history";
import { problemOf, recipientOf } from "@/components/notifications/notification-row";
import { NotificationStatusBadge } from "@/components/notifications/notification-status-badge";
import { describeTimeZone } from "@/components/settings/time-zones";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/api/errors";
import { requireSessionContext } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getNotificationById } from "@/lib/notifications/queries";
import { getSalonById } from "@/lib/salons/queries";

export const metadata: Metadata = { title: "Text details" };

async function findNotification(salonId: string, id: string) {
  try {
    return await getNotificationById(salonId, id);
  } catch (err) {
    // Another salon's id, or a mistyped one, reads as not found — never as an error page.
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}

export default async function NotificationPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSessionContext();
  const { id } = await params;
  const [salon, n] = await Promise.all([
    getSalonById(session.salonId),
    findNotification(session.salonId, id),
  ]);
  const recipient = recipientOf(n);
  const problem = problemOf(n);
  const what = n.channel === "EMAIL" ? "Email" : KIND_LABELS[n.kind];

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="-ml-2 w-fit">
        <Link href="/notifications">
          <ArrowLeftIcon aria-hidden />
          All notifications
        </Link>
      </Button>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {what} to {recipient.name}
            <NotificationStatusBadge status={n.status} className="text-sm" />
          </span>
        }
        description={`Created ${formatDateTime(n.createdAt, salon.timeZone, "long")}`}
        actions={
          <Button asChild variant="outline">
            <Link href="/messages/send">
              <SendIcon aria-hidden />
              Send a text
            </Link>
          </Button>
        }
      />
      <LiveRefresh topics={["notifications"]} id={n.id} />
      {problem && (
        <Notice tone="warning" title={n.status === "CANCELED" ? "Not sent" : "Not delivered"}>
          {problem}
        </Notice>
      )}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{n.subject ?? "Message"}</CardTitle>
              <CardDescription>Exactly what {recipient.name} receives.</CardDescription>
            </CardHeader>
            <CardContent>
              <p className="w-fit max-w-prose rounded-2xl rounded-bl-sm bg-accent px-4 py-3 text-sm whitespace-pre-wrap text-accent-foreground">
                {n.body}
              </p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>History</CardTitle>
              <CardDescription>
                Each step as Bolt and the carrier reported it, in {describeTimeZone(salon.timeZone)}.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <NotificationHistory events={n.events} timeZone={salon.timeZone} />
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <NotificationDetails
              n={{ ...n, recipientName: recipient.name, recipientDetail: recipient.detail }}
              timeZone={salon.timeZone}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
