"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useLiveCounts } from "@/components/live/live-provider";
import { NAV_ITEMS, isNavItemActive, visibleNavItems, type NavItem } from "@/components/layout/nav-config";
import type { Role } from "@/lib/generated/prisma/enums";
import { UNREAD_CAP } from "@/lib/live/live-event";
import { cn } from "@/lib/utils";

/** "99+" past the cap; null for nothing to count. */
export function countText(count: number | undefined): string | null {
  if (!count || count <= 0) return null;
  return count >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(count);
}

type NavLinkProps = { item: NavItem; pathname: string; nested?: boolean; onNavigate?: () => void };

function NavLink({ item, pathname, nested, onNavigate }: NavLinkProps) {
  // A section is highlighted on its own pages, but not when one of its sub-pages has the highlight.
  const childActive = item.children?.some((child) => isNavItemActive(child, pathname)) ?? false;
  const active = isNavItemActive(item, pathname) && !childActive;
  const Icon = item.icon;
  const counts = useLiveCounts();
  const count = item.count && countText(counts?.[item.count.of]);
  return (
    <Link
      href={item.href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      // The count is part of the link's name ("Messages, 3 unread"); the badge itself is not read out.
      aria-label={count ? `${item.title}, ${count} ${item.count!.label}` : undefined}
      className={cn(
        "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground/80 transition-colors outline-none hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50",
        nested && "ml-7 py-1.5 pl-3 text-[13px]",
        active && "bg-sidebar-accent text-sidebar-accent-foreground",
        active && !nested && "shadow-[inset_3px_0_0_var(--color-sidebar-primary)]",
      )}
    >
      <Icon
        className={cn("size-4 shrink-0", active ? "text-sidebar-primary" : "text-muted-foreground")}
        aria-hidden
      />
      {item.title}
      {count && (
        <span
          aria-hidden
          className="ml-auto min-w-5 rounded-full bg-primary px-1.5 py-0.5 text-center text-xs leading-none font-semibold text-primary-foreground tabular-nums"
        >
          {count}
        </span>
      )}
    </Link>
  );
}

/** The page list, shared by the desktop sidebar and the phone drawer. */
export function SidebarNav({ role, sandbox, onNavigate }: { role: Role; sandbox?: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  const items = visibleNavItems(NAV_ITEMS, role, sandbox);
  return (
    <nav aria-label="Main" className="grid gap-1">
      {items.map((item) => (
        <div key={item.href} className="grid gap-1">
          <NavLink item={item} pathname={pathname} onNavigate={onNavigate} />
          {item.children?.map((child) => (
            <NavLink key={child.href} item={child} pathname={pathname} nested onNavigate={onNavigate} />
          ))}
        </div>
      ))}
    </nav>
  );
}
