"use client";
// Re-runs the page's server query every few seconds while the tab is visible, so new texts show up
// in the inbox without a reload.
import { usePageRefresh } from "@/components/layout/use-page-refresh";

export function LiveRefresh({ intervalMs = 5000 }: { intervalMs?: number }) {
  usePageRefresh(intervalMs);
  return null;
}
