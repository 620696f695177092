import { ZapIcon } from "lucide-react";
import { cn } from "@/lib/utils";

/** The Bolt mark and wordmark, used in the sidebar, the phone drawer and the auth pages. */
export function Brand({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span className="flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow-sm">
        <ZapIcon className="size-4" aria-hidden />
      </span>
      <span className="text-lg">Bolt</span>
    </span>
  );
}
