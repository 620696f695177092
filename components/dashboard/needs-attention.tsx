// The dashboard's "needs attention": calls, voicemails and text conversations waiting for staff, the
// longest wait first, with who has each and "Mark handled" / "Assign to me" inline; "All caught up"
// when nothing waits. An async server component so the dashboard places it in one line.
import Link from "@/components/ui/link";
import { CheckCheckIcon, MessageSquareIcon, PhoneMissedIcon, VoicemailIcon } from "lucide-react";
import { FollowUpControls } from "@/components/calls/call-follow-up";
import { FOLLOW_UP_REASON_WORDS } from "@/components/calls/summary-words";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listNeedsAttention, type NeedsAttentionItem } from "@/lib/follow-ups/list-needs-attention";
import { formatRelative } from "@/lib/format";
import { formatCallerNumber } from "@/lib/phone";

type Props = { salonId: string; viewerId: string; timeZone: string; now: Date };

const KIND = {
  call: { icon: PhoneMissedIcon, label: "Call" },
  voicemail: { icon: VoicemailIcon, label: "Voicemail" },
  conversation: { icon: MessageSquareIcon, label: "Text" },
} as const;

function whoOf(item: NeedsAttentionItem): string {
  return item.customer?.name ?? formatCallerNumber(item.customer?.phone ?? item.from ?? "");
}

function whatOf(item: NeedsAttentionItem): string {
  if (item.kind === "conversation") return item.lastText ? `“${item.lastText}”` : "Texted and is waiting for a reply";
  return item.why ? FOLLOW_UP_REASON_WORDS[item.why] : "Someone should get back to them";
}

function Row({ item, viewerId, timeZone, now }: { item: NeedsAttentionItem } & Omit<Props, "salonId">) {
  const { icon: Icon, label } = KIND[item.kind];
  const href = item.kind === "conversation" ? `/messages/${item.id}` : `/calls/${item.id}`;
  const assignee = item.assignee ? (item.assignee.id === viewerId ? "you" : item.assignee.name) : null;
  return (
    <li className="flex min-w-0 flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:gap-4" data-testid="needs-attention-item">
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-amber-100 text-amber-900" aria-hidden>
          <Icon className="size-4" />
        </span>
        <div className="min-w-0">
          <p className="text-sm font-medium">
            <Link href={href} className="hover:underline">
              {label} from {whoOf(item)}
            </Link>
          </p>
          <p className="truncate text-sm text-muted-foreground">{whatOf(item)}</p>
          <p className="text-xs text-muted-foreground">
            Waiting since {formatRelative(item.since, now, timeZone)} · {assignee ? `Assigned to ${assignee}` : "Unassigned"}
          </p>
        </div>
      </div>
      <FollowUpControls target={item.kind === "conversation" ? "conversation" : "call"} id={item.id} state="OPEN" assigneeId={item.assignee?.id ?? null} viewerId={viewerId} size="sm" className="sm:shrink-0" />
    </li>
  );
}

export async function NeedsAttention({ salonId, viewerId, timeZone, now }: Props) {
  const { items, openCalls, openConversations } = await listNeedsAttention(salonId);
  const total = openCalls + openConversations;
  return (
    <Card data-testid="needs-attention" className="min-w-0">
      <CardHeader>
        <CardTitle>Needs attention</CardTitle>
        <CardDescription>
          {total === 0
            ? "Calls, voicemails and texts that need someone show up here."
            : `${openCalls} ${openCalls === 1 ? "call" : "calls"} and ${openConversations} ${openConversations === 1 ? "conversation" : "conversations"} waiting, the longest wait first.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {items.length === 0 ? (
          <EmptyState icon={CheckCheckIcon} title="All caught up" description="Nothing is waiting for the front desk." />
        ) : (
          <ul className="divide-y rounded-lg border">
            {items.map((item) => (
              <Row key={`${item.kind}:${item.id}`} item={item} viewerId={viewerId} timeZone={timeZone} now={now} />
            ))}
          </ul>
        )}
        {total > items.length && (
          <p className="text-sm">
            <Link href="/calls?followUp=open" className="underline underline-offset-4">All open calls</Link>
            {" · "}
            <Link href="/messages?followUp=open" className="underline underline-offset-4">All waiting conversations</Link>
          </p>
        )}
      </CardContent>
    </Card>
  );
}
