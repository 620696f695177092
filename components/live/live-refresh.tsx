"use client";
// Re-reads the page (router.refresh, debounced by LiveProvider) when a live event it shows arrives:
// the topics it lists, and with `id` only that row's (a call, a notification) or that customer's
// (a conversation). Replaces the inbox's 5 s polling and the notifications' auto-refresh.
import { useLiveRefresh, useLiveTopic } from "@/components/live/live-provider";
import type { LiveTopic } from "@/lib/live/live-event";

export function LiveRefresh({ topics, id }: { topics: LiveTopic[]; id?: string }) {
  const refresh = useLiveRefresh();
  useLiveTopic(topics, refresh, id);
  return null;
}
