"use client";
// The notifications table's columns, and each text as a card on phones. Paging, sorting and filtering happen on the server;
// ServerDataTable lays the rows out and turns a header click into a new URL.
import Link from "@/components/ui/link";
import { createColumnHelper } from "@tanstack/react-table";
import { ClockIcon, MailIcon, MessageSquareIcon } from "lucide-react";
import { ServerDataTable } from "@/components/data-table/server-data-table";
import { NotificationStatusBadge } from "@/components/notifications/notification-status-badge";
import type { NotificationRow } from "@/components/notifications/notification-row";
import type { NotificationSort } from "@/lib/validations/notifications";

const col = createColumnHelper<NotificationRow>();

const columns = [
  col.accessor("createdAtIso", {
    id: "createdAt",
    header: "Created",
    sortDescFirst: true,
    cell: ({ row }) => (
      <time dateTime={row.original.createdAtIso} title={row.original.createdTitle} className="tabular-nums">
        {row.original.createdLabel}
      </time>
    ),
  }),
  col.accessor("recipientName", {
    id: "recipient",
    header: "To",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="grid gap-0.5">
        <Link
          href={`/notifications/${row.original.id}`}
          className="w-fit font-medium underline-offset-4 outline-none hover:underline focus-visible:rounded-sm focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {row.original.recipientName}
          <span className="sr-only">: view details</span>
        </Link>
        <span className="text-xs text-muted-foreground">
          {row.original.recipientKindLabel}
          {row.original.recipientDetail !== row.original.recipientName &&
            ` · ${row.original.recipientDetail}`}
        </span>
      </div>
    ),
  }),
  col.accessor("body", {
    id: "message",
    header: "Message",
    enableSorting: false,
    cell: ({ row }) => {
      const Icon = row.original.channel === "EMAIL" ? MailIcon : MessageSquareIcon;
      const segments =
        row.original.channel === "SMS" && row.original.segmentCount > 1
          ? ` · ${row.original.segmentCount} segments`
          : "";
      return (
        <div className="grid max-w-[20rem] gap-0.5">
          <span className="flex items-center gap-1.5 text-xs text-muted-foreground">
            <Icon className="size-3.5 shrink-0" aria-label={row.original.channelLabel} />
            {row.original.kindLabel}
            {segments}
          </span>
          <span className="truncate" title={row.original.body}>
            {row.original.body}
          </span>
        </div>
      );
    },
  }),
  col.accessor("status", {
    id: "status",
    header: "Status",
    sortDescFirst: false,
    cell: ({ row }) => (
      <div className="grid max-w-[18rem] gap-1">
        <NotificationStatusBadge status={row.original.status} />
        {row.original.problem && (
          <span className="text-xs whitespace-normal text-destructive">{row.original.problem}</span>
        )}
        {row.original.scheduledLabel && (
          <span className="flex items-center gap-1 text-xs whitespace-normal text-muted-foreground">
            <ClockIcon className="size-3 shrink-0" aria-hidden />
            {row.original.scheduledLabel}
          </span>
        )}
      </div>
    ),
  }),
];

/** A text on a phone: to whom, when, where it is and what it said; the whole card opens its details. */
function NotificationCard({ row }: { row: NotificationRow }) {
  const Icon = row.channel === "EMAIL" ? MailIcon : MessageSquareIcon;
  return (
    <Link
      href={`/notifications/${row.id}`}
      data-notification-card={row.id}
      className="grid gap-1.5 rounded-xl border bg-card p-3 shadow-xs outline-none hover:bg-muted/40 focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <span className="flex items-start justify-between gap-3">
        <span className="truncate font-medium">{row.recipientName}</span>
        <time dateTime={row.createdAtIso} className="shrink-0 text-xs text-muted-foreground tabular-nums">
          {row.createdLabel}
        </time>
      </span>
      <span className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
        <NotificationStatusBadge status={row.status} />
        <Icon className="size-3.5 shrink-0" aria-label={row.channelLabel} />
        {row.kindLabel}
      </span>
      <span className="line-clamp-2 text-sm">{row.body}</span>
      {row.problem && <span className="text-xs text-destructive">{row.problem}</span>}
      {row.scheduledLabel && (
        <span className="flex items-center gap-1 text-xs text-muted-foreground">
          <ClockIcon className="size-3 shrink-0" aria-hidden />
          {row.scheduledLabel}
        </span>
      )}
    </Link>
  );
}

type Props = { rows: NotificationRow[]; sort: NotificationSort; dir: "asc" | "desc"; caption: string };

export function NotificationsTable({ rows, sort, dir, caption }: Props) {
  return (
    <ServerDataTable
      columns={columns}
      rows={rows}
      sort={sort}
      dir={dir}
      caption={caption}
      getRowId={(row) => row.id}
      card={(row) => <NotificationCard row={row} />}
      rowProps={(row) => ({ "data-notification-id": row.id, "data-status": row.status })}
    />
  );
}
