"use client";
// While the salon's number is being bought, asks the server every few seconds which checklist steps
// are done and refreshes the page the moment that changes, so the number appears without a reload.
// Stops once the number is there (the refreshed page renders no poller) and pauses in hidden tabs.
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { pollOnboardingAction } from "@/lib/onboarding/actions";

const POLL_MS = 3_000;

export function NumberPoller({ stepsKey }: { stepsKey: string }) {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    let busy = false;
    const timer = setInterval(async () => {
      if (busy || document.visibilityState !== "visible") return;
      busy = true;
      try {
        const result = await pollOnboardingAction(null, new FormData());
        const key = result?.ok ? (result.data as { key?: string } | undefined)?.key : undefined;
        if (!stopped && key && key !== stepsKey) {
          stopped = true;
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        // Offline or a deploy in between: the next tick asks again.
      } finally {
        busy = false;
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [router, stepsKey]);
  return null;
}
