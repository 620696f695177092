// The calendar's navigation, all in the URL (lib/url-state.ts): Day / Week / List, Today, previous and
// next, and the range in view. Links, so the back button and a shared link land on the same view.
import Link from "@/components/ui/link";
import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { hrefWith } from "@/lib/url-state";
import { cn } from "@/lib/utils";

type Props = {
  view: "day" | "week" | "list";
  params: URLSearchParams;
  title: string;
  previous: string;
  next: string;
  isToday: boolean;
};

const VIEWS = [
  ["day", "Day"],
  ["week", "Week"],
  ["list", "List"],
] as const;

export function CalendarToolbar({ view, params, title, previous, next, isToday }: Props) {
  const link = (patch: Record<string, string | null>) => hrefWith("/appointments", params, patch);
  const step = view === "day" ? "day" : "week";
  return (
    <nav aria-label="Calendar" className="flex flex-wrap items-center gap-2">
      <div className="flex items-center gap-1">
        <Link href={link({ date: null })} aria-current={isToday ? "date" : undefined} className={buttonVariants({ variant: "outline", size: "sm" })}>
          Today
        </Link>
        <Link href={link({ date: previous })} className={buttonVariants({ variant: "ghost", size: "icon" })}>
          <ChevronLeftIcon aria-hidden />
          <span className="sr-only">Previous {step}</span>
        </Link>
        <Link href={link({ date: next })} className={buttonVariants({ variant: "ghost", size: "icon" })}>
          <ChevronRightIcon aria-hidden />
          <span className="sr-only">Next {step}</span>
        </Link>
      </div>
      <h2 className="text-base font-semibold" aria-live="polite">
        {title}
      </h2>
      <div role="group" aria-label="View" className="ml-auto flex rounded-md border p-0.5">
        {VIEWS.map(([value, label]) => (
          <Link
            key={value}
            href={link({ view: value === "day" ? null : value })}
            aria-current={view === value ? "page" : undefined}
            className={cn(
              "rounded px-3 py-1 text-sm font-medium",
              view === value ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground",
            )}
          >
            {label}
          </Link>
        ))}
      </div>
    </nav>
  );
}
