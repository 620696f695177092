// Above the inbox: All / Unread / Follow-up (waiting for staff) / Mine (assigned to me), and a search
// by name or number. Plain links and a GET form, so the filter lives in the URL and works without JavaScript.
import Link from "@/components/ui/link";
import { SearchIcon } from "lucide-react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

type Show = "all" | "unread" | "followUp" | "mine";
const SHOW: Array<{ show: Show; label: string; params: Record<string, string> }> = [
  { show: "all", label: "All", params: {} },
  { show: "unread", label: "Unread", params: { unreadOnly: "true" } },
  { show: "followUp", label: "Follow-up", params: { followUp: "open" } },
  { show: "mine", label: "Mine", params: { assignee: "me" } },
];

type Props = { q?: string; unreadOnly: boolean; followUp?: "open" | "handled"; assignee?: string };

function showOf({ unreadOnly, followUp, assignee }: Props): Show {
  if (assignee === "me") return "mine";
  if (followUp === "open") return "followUp";
  return unreadOnly ? "unread" : "all";
}

export function ConversationSearch(props: Props) {
  const { q } = props;
  const current = SHOW.find((s) => s.show === showOf(props))!;
  const tab = (active: boolean) =>
    cn(
      "rounded-md px-3 py-1 text-sm font-medium text-foreground/70 outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
      active && "bg-card text-foreground shadow-sm",
    );
  const withQ = (extra: Record<string, string>) => {
    const s = new URLSearchParams({ ...(q ? { q } : {}), ...extra }).toString();
    return s ? `/messages?${s}` : "/messages";
  };
  return (
    <div className="grid gap-2">
      <nav aria-label="Show" className="flex w-fit flex-wrap gap-1 rounded-lg bg-muted p-1">
        {SHOW.map(({ show, label, params }) => (
          <Link key={show} href={withQ(params)} aria-current={show === current.show ? "page" : undefined} className={tab(show === current.show)}>
            {label}
          </Link>
        ))}
      </nav>
      <form
        method="get"
        action="/messages"
        role="search"
        aria-label="Search conversations"
        className="relative"
      >
        {Object.entries(current.params).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <SearchIcon
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          name="q"
          type="search"
          defaultValue={q ?? ""}
          placeholder="Search name or number"
          aria-label="Search name or number"
          className="pl-8"
          maxLength={100}
        />
      </form>
    </div>
  );
}
