import { PhoneIcon } from "lucide-react";
import { MobileNav } from "@/components/layout/mobile-nav";
import { UserMenu } from "@/components/layout/user-menu";
import type { SessionContext } from "@/lib/auth/session";
import { isTwilioSandbox } from "@/lib/env";
import { formatPhone } from "@/lib/phone";

type TopBarProps = {
  salonName: string;
  twilioNumber: string | null;
  user: Pick<SessionContext, "name" | "email" | "role">;
};

/** The salon you're looking at and the number your clients call, on every admin page. */
export function TopBar({ salonName, twilioNumber, user }: TopBarProps) {
  return (
    <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b bg-background/90 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/75 sm:px-6 lg:px-8">
      <MobileNav role={user.role} salonName={salonName} sandbox={isTwilioSandbox()} />
      <div className="flex min-w-0 flex-1 flex-col justify-center sm:flex-row sm:items-center sm:justify-start sm:gap-3">
        <p className="truncate text-sm font-semibold sm:text-base">{salonName}</p>
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground sm:text-sm">
          <PhoneIcon className="size-3.5 shrink-0" aria-hidden />
          {twilioNumber ? (
            <span className="tabular-nums">{formatPhone(twilioNumber)}</span>
          ) : (
            <span>No number yet</span>
          )}
        </p>
      </div>
      <UserMenu name={user.name} email={user.email} role={user.role} />
    </header>
  );
}
