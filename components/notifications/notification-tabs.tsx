// The Notifications page's two tabs: what was sent (where it opens) and what is scheduled for later
// (reminders waiting for their time). Links, so the tab is in the URL (?view=scheduled) and filters stay.
import Link from "@/components/ui/link";
import { hrefWith } from "@/lib/url-state";
import { cn } from "@/lib/utils";
import type { NotificationView } from "@/lib/validations/notifications";

const TABS: { view: NotificationView; label: string }[] = [
  { view: "sent", label: "Sent" },
  { view: "scheduled", label: "Scheduled" },
];

export function NotificationTabs({
  current,
  params,
}: {
  current: NotificationView;
  params: URLSearchParams;
}) {
  return (
    <nav aria-label="Which texts" className="flex w-fit gap-1 rounded-lg bg-muted p-1 text-sm">
      {TABS.map(({ view, label }) => (
        <Link
          key={view}
          // A page cursor belongs to one tab's list; switching starts the other at its first page.
          href={hrefWith("/notifications", params, {
            view: view === "sent" ? null : view,
            before: null,
            after: null,
          })}
          aria-current={view === current ? "page" : undefined}
          scroll={false}
          className={cn(
            "rounded-md px-3 py-1.5 font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
            view === current && "bg-card text-foreground shadow-xs",
          )}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
