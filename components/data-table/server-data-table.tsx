"use client";
// An admin table whose paging, sorting and filtering happen on the server: it only lays rows out
// (TanStack Table in manual mode) and turns a header click into a new URL (?sort=&dir=, page reset).
// Given `card`, phones (below 640 px) get one card per row instead, so nothing scrolls sideways.
import { useTransition, type HTMLAttributes, type ReactNode } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { SortIcon } from "@/components/data-table/sort-icon";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { hrefWith } from "@/lib/url-state";
import { cn } from "@/lib/utils";

/** Extra attributes for a body row: `data-*` hooks for tests and styling, and a class name. */
export type RowProps = Omit<HTMLAttributes<HTMLTableRowElement>, "children"> &
  Record<`data-${string}`, string | undefined>;

type Props<Row> = {
  // TanStack's own column type: `any` lets accessor columns of differing value types share one array.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<Row, any>[];
  rows: Row[];
  /** The column id the server sorted by, and its direction. */
  sort: string;
  dir: "asc" | "desc";
  /** Read by screen readers only. */
  caption: string;
  getRowId: (row: Row) => string;
  rowProps?: (row: Row) => RowProps;
  /** A row as a card for phone widths (usually one link with the row's essentials). */
  card?: (row: Row) => ReactNode;
};

export function ServerDataTable<Row>({
  columns,
  rows,
  sort,
  dir,
  caption,
  getRowId,
  rowProps,
  card,
}: Props<Row>) {
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
      before: null,
      after: null,
    });
    startTransition(() => router.push(href, { scroll: false }));
  }

  // TanStack returns fresh functions each render by design; these tables are small and re-render rarely.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange,
  });

  return (
    <>
      {card && (
        <ul
          aria-label={caption}
          className={cn("grid gap-2 transition-opacity sm:hidden", pending && "opacity-60")}
        >
          {rows.map((row) => (
            <li key={getRowId(row)}>{card(row)}</li>
          ))}
        </ul>
      )}
      <div
        className={cn(
          "rounded-xl border bg-card shadow-xs transition-opacity",
          pending && "opacity-60",
          card && "hidden sm:block",
        )}
        aria-busy={pending}
      >
        <Table scrollLabel={caption}>
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
              <TableRow key={row.id} {...rowProps?.(row.original)}>
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
    </>
  );
}
