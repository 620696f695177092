"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export type SettingsSection = { title: string; href: string };

/** Tabs-style links between settings pages (each section is its own URL, so it can be linked to). */
export function SettingsNav({ sections }: { sections: SettingsSection[] }) {
  const pathname = usePathname();
  // One tab is no choice at all (staff only see the profile).
  if (sections.length < 2) return null;
  return (
    <nav
      aria-label="Settings sections"
      className="flex w-fit max-w-full gap-1 overflow-x-auto rounded-lg bg-muted p-1"
    >
      {sections.map((section) => {
        const active = pathname === section.href;
        return (
          <Link
            key={section.href}
            href={section.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-foreground/70 transition-colors outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
              active && "bg-card text-foreground shadow-sm",
            )}
          >
            {section.title}
          </Link>
        );
      })}
    </nav>
  );
}
