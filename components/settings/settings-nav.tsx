"use client";

import { useEffect, useRef, useState } from "react";
import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { cn } from "@/lib/utils";

export type SettingsSection = { title: string; href: string };

type Overflow = { left: boolean; right: boolean };

const EDGES = {
  left: { icon: ChevronLeftIcon, className: "left-0 rounded-l-lg bg-gradient-to-r pl-1" },
  right: { icon: ChevronRightIcon, className: "right-0 justify-end rounded-r-lg bg-gradient-to-l pr-1" },
} as const;

/** The fade and arrow over an edge of the strip that hides tabs. */
function EdgeHint({ side }: { side: keyof typeof EDGES }) {
  const { icon: Icon, className } = EDGES[side];
  return (
    <span
      data-scroll-hint={side}
      className={cn(
        "pointer-events-none absolute inset-y-0 flex w-10 items-center from-muted from-40% text-muted-foreground",
        className,
      )}
    >
      <Icon className="size-4" aria-hidden />
    </span>
  );
}

/**
 * Tabs-style links between settings pages (each section is its own URL, so it can be linked to). On a
 * phone the strip is wider than the screen: it scrolls, the open tab is scrolled into view, and a fade
 * with an arrow at each edge that hides tabs says there is more that way.
 */
export function SettingsNav({ sections }: { sections: SettingsSection[] }) {
  const pathname = usePathname();
  const strip = useRef<HTMLElement>(null);
  const [overflow, setOverflow] = useState<Overflow>({ left: false, right: false });

  useEffect(() => {
    const el = strip.current;
    if (!el) return;
    const measure = () =>
      setOverflow({ left: el.scrollLeft > 1, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
    el.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "center" });
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => {
      el.removeEventListener("scroll", measure);
      resize.disconnect();
    };
  }, [pathname]);

  // One tab is no choice at all (staff only see the profile).
  if (sections.length < 2) return null;
  return (
    <div className="relative w-fit max-w-full">
      <nav
        ref={strip}
        aria-label="Settings sections"
        className="flex max-w-full gap-1 overflow-x-auto scroll-smooth rounded-lg bg-muted p-1 [scrollbar-width:none]"
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
      {overflow.left && <EdgeHint side="left" />}
      {overflow.right && <EdgeHint side="right" />}
    </div>
  );
}
