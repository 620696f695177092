"use client";

import { useState } from "react";
import { MenuIcon } from "lucide-react";
import { Brand } from "@/components/layout/brand";
import { NAV_ITEMS } from "@/components/layout/nav-config";
import { countText, SidebarNav } from "@/components/layout/sidebar-nav";
import { useLiveCounts } from "@/components/live/live-provider";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import type { Role } from "@/lib/generated/prisma/enums";

/** Phone-width navigation: a menu button that opens the sidebar as a drawer. */
export function MobileNav({ role, salonName, sandbox }: { role: Role; salonName: string; sandbox?: boolean }) {
  const [open, setOpen] = useState(false);
  const counts = useLiveCounts();
  // The drawer hides the sidebar's counts: the button says there is something new, and what.
  const news = NAV_ITEMS.flatMap((item) => {
    const count = item.count && countText(counts?.[item.count.of]);
    return count ? [`${count} ${item.count!.label}`] : [];
  });
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="relative lg:hidden"
          aria-label={["Open menu", ...news].join(", ")}
        >
          <MenuIcon className="size-5" aria-hidden />
          {news.length > 0 && (
            <span className="absolute top-1.5 right-1.5 size-2 rounded-full bg-primary" aria-hidden />
          )}
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="p-4">
        <SheetTitle className="sr-only">Menu</SheetTitle>
        <SheetDescription className="sr-only">Pages for {salonName}</SheetDescription>
        <div className="px-2 pt-1 pb-4">
          <Brand />
        </div>
        <SidebarNav role={role} sandbox={sandbox} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
