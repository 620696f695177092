// The settings sub-pages, in tab order. A feature with its own settings page adds an entry here.
import type { Role } from "@/lib/generated/prisma/enums";
import type { SettingsSection } from "@/components/settings/settings-nav";

const SECTIONS: (SettingsSection & { roles?: Role[] })[] = [
  { title: "Salon profile", href: "/settings" },
  { title: "API keys", href: "/settings/api-keys", roles: ["OWNER"] },
  { title: "Messaging", href: "/settings/messaging" },
  { title: "Phone & hours", href: "/settings/phone" },
  { title: "Alerts", href: "/settings/alerts" },
  { title: "Billing", href: "/settings/billing" },
  { title: "Team", href: "/settings/team" },
  { title: "Account", href: "/settings/account" },
];

export function settingsSectionsFor(role: Role): SettingsSection[] {
  return SECTIONS.filter((s) => !s.roles || s.roles.includes(role)).map(({ title, href }) => ({
    title,
    href,
  }));
}
