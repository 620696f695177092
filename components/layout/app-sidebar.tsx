import Link from "@/components/ui/link";
import { Brand } from "@/components/layout/brand";
import { SidebarNav } from "@/components/layout/sidebar-nav";
import { isTwilioSandbox } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";

/** The desktop sidebar; phones get the same navigation in a drawer (MobileNav). */
export function AppSidebar({ role }: { role: Role }) {
  return (
    <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col gap-6 border-r border-sidebar-border bg-sidebar px-4 py-5 lg:flex">
      <Link
        href="/"
        className="rounded-md px-2 outline-none focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50"
      >
        <Brand />
        <span className="sr-only"> — dashboard</span>
      </Link>
      <SidebarNav role={role} sandbox={isTwilioSandbox()} />
      <p className="mt-auto px-3 text-xs leading-relaxed text-muted-foreground">
        Bolt answers your calls and texts while you&apos;re with a client.
      </p>
    </aside>
  );
}
