import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "lucide-react";

/** The arrow beside a sortable column header: up, down, or a faint both-ways when unsorted. */
export function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  if (direction === "asc") return <ArrowUpIcon className="size-3.5" aria-hidden />;
  if (direction === "desc") return <ArrowDownIcon className="size-3.5" aria-hidden />;
  return <ArrowUpDownIcon className="size-3.5 opacity-50" aria-hidden />;
}
