"use client";
// Re-runs the page's server query every few seconds while something is still on its way, so a
// status visibly moves QUEUED → SENT → DELIVERED. Paused while the tab is hidden.
import { RefreshCwIcon } from "lucide-react";
import { usePageRefresh } from "@/components/layout/use-page-refresh";

export function AutoRefresh({ active, intervalMs = 2500 }: { active: boolean; intervalMs?: number }) {
  usePageRefresh(intervalMs, active);
  if (!active) return null;
  return (
    <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
      <RefreshCwIcon className="size-3 animate-spin [animation-duration:3s]" aria-hidden />
      Updating while texts are on their way
    </p>
  );
}
