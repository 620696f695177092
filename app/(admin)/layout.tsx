// The signed-in shell: sidebar (drawer on phones), top bar with the salon and its number, page content.
import { AppSidebar } from "@/components/layout/app-sidebar";
import { BillingBanner } from "@/components/layout/billing-banner";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { TopBar } from "@/components/layout/top-bar";
import { LiveProvider } from "@/components/live/live-provider";
import { LiveToasts } from "@/components/live/live-toasts";
import { requireSessionContext } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db/connection-errors";
import { countUnread } from "@/lib/live/count-unread";
import { logger } from "@/lib/logger";
import { getSalonById } from "@/lib/salons/queries";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  let session, salon, counts;
  try {
    session = await requireSessionContext();
    [salon, counts] = await Promise.all([getSalonById(session.salonId), countUnread(session.salonId)]);
  } catch (err) {
    // Layout errors skip this segment's error.tsx; the page's own failure is dropped with `children`.
    // Anything else (the sign-in redirect included) goes on as thrown.
    if (isDatabaseUnavailable(err)) {
      logger.warn({ err }, "admin page: database unreachable");
      return <DatabaseUnavailable />;
    }
    throw err;
  }

  return (
    <LiveProvider counts={counts}>
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
            <BillingBanner status={salon.subscriptionStatus} isOwner={session.role === "OWNER"} />
            {children}
          </main>
        </div>
      </div>
      <LiveToasts />
    </LiveProvider>
  );
}
