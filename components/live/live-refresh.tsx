"use client";
// Re-reads the page (router.refresh, debounced by LiveProvider) when a live event it shows arrives:
// the topics it lists, and with `id` only that row's (a call, a notification) or that customer's
// (a conversation). Replaces the inbox's 5 s polling and the notifications' auto-refresh.
import { useEffect } from "react";
import { useLiveRefresh, useLiveTopic } from "@/components/live/live-provider";
import type { LiveTopic } from "@/lib/live/live-event";

export function LiveRefresh({ topics, id, catchUp = false }: {
  topics: LiveTopic[];
  id?: string;
  /** Mounted after the page (a list that starts listening once a text is in flight): re-read once now, as a
   * change between the render that mounted it and its first event would otherwise be missed. */
  catchUp?: boolean;
}) {
  const refresh = useLiveRefresh();
  useLiveTopic(topics, refresh, id);
  useEffect(() => {
    if (catchUp) refresh();
  }, [catchUp, refresh]);
  return null;
}
