"use client";
// The call log. Paging, sorting and filtering happen on the server: this component only lays rows out
// (TanStack Table in manual mode) and turns a header click into a new URL.
import { useTransition } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import {
  ArrowDownIcon,
  ArrowUpDownIcon,
  ArrowUpIcon,
  MessageSquareReplyIcon,
  NotebookPenIcon,
  VoicemailIcon,
} from "lucide-react";
import { CallOutcomeBadge, CallReasonBadge } from "@/components/calls/call-badges";
import type { CallRow } from "@/components/calls/call-row";
import { hrefWith } from "@/components/notifications/table-url";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
  col.accessor("reason", {
    id: "reason",
    header: "Wanted",
    enableSorting: false,
    cell: ({ row }) => <CallReasonBadge reason={row.original.reason} />,
  }),
  col.accessor("outcome", {
    id: "status",
    header: "Status",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="grid gap-1">
        <CallOutcomeBadge outcome={row.original.outcome} />
        {row.original.status !== "COMPLETED" && row.original.outcome !== "in_progress" && (
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

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  if (direction === "asc") return <ArrowUpIcon className="size-3.5" aria-hidden />;
  if (direction === "desc") return <ArrowDownIcon className="size-3.5" aria-hidden />;
  return <ArrowUpDownIcon className="size-3.5 opacity-50" aria-hidden />;
}

type Props = { rows: CallRow[]; sort: CallSort; dir: "asc" | "desc"; caption: string };

export function CallLogTable({ rows, sort, dir, caption }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];

  function onSortingChange(updater: Updater<SortingState>) {
    const next = (typeof updater === "function" ? updater(sorting) : updater)[0];
    if (!next) return;
    const href = hrefWith(pathname, searchParams, {
      sort: next.id,
      dir: next.desc ? "desc" : "asc",
      page: null,
    });
    startTransition(() => router.push(href, { scroll: false }));
  }

  // TanStack returns fresh functions each render by design; this table is small and re-renders rarely.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange,
  });

  return (
    <div
      className={cn("rounded-xl border bg-card shadow-xs transition-opacity", pending && "opacity-60")}
      aria-busy={pending}
    >
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id} className="hover:bg-transparent">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const canSort = header.column.getCanSort();
                return (
                  <TableHead
                    key={header.id}
                    aria-sort={
                      sorted === "asc"
                        ? "ascending"
                        : sorted === "desc"
                          ? "descending"
                          : canSort
                            ? "none"
                            : undefined
                    }
                  >
                    {canSort ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="-mx-1.5 inline-flex items-center gap-1 rounded-sm px-1.5 py-1 tracking-wide uppercase outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
                      >
                        {label}
                        <SortIcon direction={sorted} />
                        <span className="sr-only">, sort</span>
                      </button>
                    ) : (
                      label
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow
              key={row.id}
              data-call-id={row.id}
              data-outcome={row.original.outcome}
              // Missed calls are the ones someone should act on: tinted, with a red edge.
              className={cn(
                row.original.outcome === "missed" &&
                  "bg-destructive/[0.04] shadow-[inset_3px_0_0_var(--color-destructive)]",
              )}
            >
              {row.getVisibleCells().map((cell) => (
                <TableCell key={cell.id} className="align-top">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
