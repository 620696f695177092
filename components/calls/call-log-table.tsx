"use client";
// The call log's columns, and each call as a card on phones. Paging, sorting and filtering happen on the
// server; ServerDataTable lays the rows out and turns a header click into a new URL.
import Link from "@/components/ui/link";
import { createColumnHelper } from "@tanstack/react-table";
import { MessageSquareReplyIcon, NotebookPenIcon, VoicemailIcon } from "lucide-react";
import { CallOutcomeBadge, FollowUpBadge } from "@/components/calls/call-badges";
import type { CallRow } from "@/components/calls/call-row";
import { ServerDataTable } from "@/components/data-table/server-data-table";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

/** The columns the page may sort by (a subset of CALL_LOG_SORT_FIELDS). */
export type CallSort = "startedAt" | "durationSeconds";

const col = createColumnHelper<CallRow>();

const columns = [
  col.accessor("startedAtIso", {
    id: "startedAt",
    header: "When",
    sortDescFirst: true,
    cell: ({ row }) => (
      <time dateTime={row.original.startedAtIso} title={row.original.whenTitle} className="tabular-nums">
        {row.original.whenLabel}
      </time>
    ),
  }),
  col.accessor("callerName", {
    id: "caller",
    header: "Caller",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="grid gap-0.5">
        <span className="flex items-center gap-2">
          <Link
            href={`/calls/${row.original.id}`}
            className="font-medium underline-offset-4 outline-none hover:underline focus-visible:rounded-sm focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            {row.original.callerName}
            <span className="sr-only">: view call</span>
          </Link>
          {row.original.isNewCaller && <Badge variant="secondary">New</Badge>}
        </span>
        {row.original.callerDetail && (
          <span className="text-xs text-muted-foreground">{row.original.callerDetail}</span>
        )}
      </div>
    ),
  }),
  col.accessor("wanted", {
    id: "summary",
    header: "Wanted → Bolt did",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="grid max-w-80 min-w-44 gap-0.5 text-sm" data-summary>
        <span className="line-clamp-2">{row.original.wanted}</span>
        <span className="line-clamp-2 text-xs text-muted-foreground">
          <span aria-hidden>→ </span>
          <span className="sr-only">Bolt: </span>
          {row.original.did}
        </span>
      </div>
    ),
  }),
  col.accessor("outcome", {
    id: "status",
    header: "Status",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="grid gap-1">
        <CallOutcomeBadge outcome={row.original.outcome} />
        <FollowUpBadge state={row.original.followUp} />
        {row.original.status !== "COMPLETED" && row.original.outcome !== "IN_PROGRESS" && (
          <span className="text-xs text-muted-foreground">{row.original.statusLabel}</span>
        )}
        {row.original.textedBack && (
          <span className="flex items-center gap-1 text-xs text-muted-foreground">
            <MessageSquareReplyIcon className="size-3 shrink-0" aria-hidden />
            Texted back
          </span>
        )}
      </div>
    ),
  }),
  col.accessor("durationSeconds", {
    id: "durationSeconds",
    header: "Length",
    sortDescFirst: true,
    cell: ({ row }) => <span className="tabular-nums">{row.original.durationLabel}</span>,
  }),
  col.display({
    id: "extras",
    header: () => <span className="sr-only">Voicemail and notes</span>,
    cell: ({ row }) => (
      <span className="flex items-center gap-2 text-muted-foreground">
        {row.original.voicemailLabel && (
          <VoicemailIcon className="size-4" role="img" aria-label={row.original.voicemailLabel}>
            <title>{row.original.voicemailLabel}</title>
          </VoicemailIcon>
        )}
        {row.original.hasNotes && (
          <NotebookPenIcon className="size-4" role="img" aria-label="Has notes">
            <title>Has notes</title>
          </NotebookPenIcon>
        )}
      </span>
    ),
  }),
];

/** A call on a phone: who, when, how it went and what they wanted; the whole card opens the call. */
function CallCard({ row }: { row: CallRow }) {
  const missed = row.outcome === "MISSED";
  return (
    <Link
      href={`/calls/${row.id}`}
      data-call-card={row.id}
      className={cn(
        "grid gap-2 rounded-xl border bg-card p-3 shadow-xs outline-none hover:bg-muted/40 focus-visible:ring-[3px] focus-visible:ring-ring/50",
        missed && "bg-destructive/[0.04] shadow-[inset_3px_0_0_var(--color-destructive)]",
      )}
    >
      <span className="flex items-start justify-between gap-3">
        <span className="grid min-w-0 gap-0.5">
          <span className="flex min-w-0 items-center gap-2">
            <span className="truncate font-medium">{row.callerName}</span>
            {row.isNewCaller && <Badge variant="secondary">New</Badge>}
          </span>
          {row.callerDetail && <span className="text-xs text-muted-foreground">{row.callerDetail}</span>}
        </span>
        <time dateTime={row.startedAtIso} className="shrink-0 text-xs text-muted-foreground tabular-nums">
          {row.whenLabel}
        </time>
      </span>
      <span className="flex flex-wrap items-center gap-1.5">
        <CallOutcomeBadge outcome={row.outcome} />
        <FollowUpBadge state={row.followUp} />
        {row.durationSeconds !== null && (
          <span className="text-xs text-muted-foreground tabular-nums">{row.durationLabel}</span>
        )}
        {row.voicemailLabel && (
          <VoicemailIcon className="size-3.5 text-muted-foreground" aria-label={row.voicemailLabel} />
        )}
      </span>
      <span className="grid gap-0.5 text-sm">
        <span className="line-clamp-2">{row.wanted}</span>
        <span className="line-clamp-2 text-xs text-muted-foreground">
          <span aria-hidden>→ </span>
          <span className="sr-only">Bolt: </span>
          {row.did}
        </span>
      </span>
    </Link>
  );
}

type Props = { rows: CallRow[]; sort: CallSort; dir: "asc" | "desc"; caption: string };

export function CallLogTable({ rows, sort, dir, caption }: Props) {
  return (
    <ServerDataTable
      columns={columns}
      rows={rows}
      sort={sort}
      dir={dir}
      caption={caption}
      getRowId={(row) => row.id}
      card={(row) => <CallCard row={row} />}
      rowProps={(row) => ({
        "data-call-id": row.id,
        "data-outcome": row.outcome,
        // Missed calls are the ones someone should act on: tinted, with a red edge.
        className:
          row.outcome === "MISSED"
            ? "bg-destructive/[0.04] shadow-[inset_3px_0_0_var(--color-destructive)]"
            : undefined,
      })}
    />
  );
}
