"use client";
// The notifications table. Paging, sorting and filtering happen on the server: this component only
// lays rows out (TanStack Table in manual mode) and turns a header click into a new URL.
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
  ClockIcon,
  MailIcon,
  MessageSquareIcon,
} from "lucide-react";
import { NotificationStatusBadge } from "@/components/notifications/notification-status-badge";
import type { NotificationRow } from "@/components/notifications/notification-row";
import { hrefWith } from "@/components/notifications/table-url";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { NotificationSort } from "@/lib/validations/notifications";
import { cn } from "@/lib/utils";

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

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  if (direction === "asc") return <ArrowUpIcon className="size-3.5" aria-hidden />;
  if (direction === "desc") return <ArrowDownIcon className="size-3.5" aria-hidden />;
  return <ArrowUpDownIcon className="size-3.5 opacity-50" aria-hidden />;
}

type Props = { rows: NotificationRow[]; sort: NotificationSort; dir: "asc" | "desc"; caption: string };

export function NotificationsTable({ rows, sort, dir, caption }: Props) {
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
                return (
                  <TableHead
                    key={header.id}
                    aria-sort={
                      sorted === "asc"
                        ? "ascending"
                        : sorted === "desc"
                          ? "descending"
                          : header.column.getCanSort()
                            ? "none"
                            : undefined
                    }
                  >
                    {header.column.getCanSort() ? (
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
            <TableRow key={row.id} data-notification-id={row.id} data-status={row.original.status}>
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
