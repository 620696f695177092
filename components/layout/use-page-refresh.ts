// Re-runs the page's server query every `intervalMs` while `active` and the tab is visible: the one
// polling loop behind the live inbox and the notifications table.
import { useEffect } from "react";
import { useRouter } from "next/navigation";

export function usePageRefresh(intervalMs: number, active = true): void {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
}
