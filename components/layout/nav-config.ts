// The admin navigation, in sidebar order. A feature adds its page by adding one entry here
// (Calls, Messages, Notifications and the Calendar go between Dashboard and Settings).
import {
  BellIcon,
  CalendarDaysIcon,
  ContactRoundIcon,
  KeyRoundIcon,
  LayoutDashboardIcon,
  MessagesSquareIcon,
  PhoneIcon,
  SmartphoneIcon,
  ScissorsIcon,
  SettingsIcon,
  UsersIcon,
  type LucideIcon,
} from "lucide-react";
import type { Role } from "@/lib/generated/prisma/enums";
import type { UnreadCounts } from "@/lib/live/live-event";

export type NavItem = {
  title: string;
  href: string;
  icon: LucideIcon;
  /** Active only on exactly this path (the dashboard at "/"), not on everything under it. */
  exact?: boolean;
  /** Shown only to these roles; everyone when absent. */
  roles?: Role[];
  children?: NavItem[];
  /** Only while Bolt runs on the Twilio sandbox (the phone simulator). */
  sandboxOnly?: boolean;
  /** A live count beside the title (the layout reads them, lib/live/count-unread.ts), and what it counts. */
  count?: { of: keyof UnreadCounts; label: string };
};

export const NAV_ITEMS: NavItem[] = [
  { title: "Dashboard", href: "/", icon: LayoutDashboardIcon, exact: true },
  { title: "Calls", href: "/calls", icon: PhoneIcon, count: { of: "calls", label: "to follow up" } },
  { title: "Messages", href: "/messages", icon: MessagesSquareIcon, count: { of: "messages", label: "unread" } },
  { title: "Customers", href: "/customers", icon: ContactRoundIcon },
  { title: "Notifications", href: "/notifications", icon: BellIcon },
  { title: "Calendar", href: "/appointments", icon: CalendarDaysIcon },
  { title: "Staff", href: "/staff", icon: UsersIcon },
  { title: "Services", href: "/services", icon: ScissorsIcon },
  { title: "Phone simulator", href: "/simulator", icon: SmartphoneIcon, sandboxOnly: true },
  {
    title: "Settings",
    href: "/settings",
    icon: SettingsIcon,
    children: [{ title: "API keys", href: "/settings/api-keys", icon: KeyRoundIcon, roles: ["OWNER"] }],
  },
];

export function isNavItemActive(item: NavItem, pathname: string): boolean {
  if (item.exact) return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

export function visibleNavItems(items: NavItem[], role: Role, sandbox = false): NavItem[] {
  return items
    .filter((item) => (!item.roles || item.roles.includes(role)) && (sandbox || !item.sandboxOnly))
    .map((item) => (item.children ? { ...item, children: visibleNavItems(item.children, role, sandbox) } : item));
}
