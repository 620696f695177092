// The signed-in shell: sidebar (drawer on phones), top bar with the salon and its number, page content.
import { AppSidebar } from "@/components/layout/app-sidebar";
import { TopBar } from "@/components/layout/top-bar";
import { requireSessionContext } from "@/lib/auth/session";
import { getSalonById } from "@/lib/salons/queries";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const session = await requireSessionContext();
  const salon = await getSalonById(session.salonId);

  return (
    <div className="flex min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-sm text-primary-foreground focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <AppSidebar role={session.role} />
      <div className="flex min-w-0 flex-1 flex-col">
        <TopBar salonName={salon.name} twilioNumber={salon.twilioNumber} user={session} />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto grid w-full max-w-6xl flex-1 grid-cols-1 content-start gap-6 px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
