// Above the inbox: All / Unread, and a search by name or number. Plain links and a GET form, so the
// filter lives in the URL and works without JavaScript.
import Link from "next/link";
import { SearchIcon } from "lucide-react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export function ConversationSearch({ q, unreadOnly }: { q?: string; unreadOnly: boolean }) {
  const tab = (active: boolean) =>
    cn(
      "rounded-md px-3 py-1 text-sm font-medium text-foreground/70 outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
      active && "bg-card text-foreground shadow-sm",
    );
  const withQ = (extra: string) => {
    const params = new URLSearchParams(q ? { q } : {});
    if (extra) params.set(extra, "true");
    const s = params.toString();
    return s ? `/messages?${s}` : "/messages";
  };
  return (
    <div className="grid gap-2">
      <nav aria-label="Show" className="flex w-fit gap-1 rounded-lg bg-muted p-1">
        <Link href={withQ("")} aria-current={!unreadOnly ? "page" : undefined} className={tab(!unreadOnly)}>
          All
        </Link>
        <Link
          href={withQ("unreadOnly")}
          aria-current={unreadOnly ? "page" : undefined}
          className={tab(unreadOnly)}
        >
          Unread
        </Link>
      </nav>
      <form
        method="get"
        action="/messages"
        role="search"
        aria-label="Search conversations"
        className="relative"
      >
        {unreadOnly && <input type="hidden" name="unreadOnly" value="true" />}
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
