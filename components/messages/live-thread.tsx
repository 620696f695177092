"use client";
// An open conversation: what arrives is marked read while the tab is visible (LiveRefresh brings it in as it arrives),
// and the newest text stays in view. Renders nothing but the scroll anchor.
import { useEffect, useRef } from "react";
import { useLiveRefresh } from "@/components/live/live-provider";
import { markConversationReadAction } from "@/lib/conversations/actions";

type Props = {
  customerId: string;
  unreadCount: number;
  /** The newest text shown: when it changes (a text arrives, or earlier texts load), scroll to it. */
  lastMessageId: string | null;
};

export function LiveThread({ customerId, unreadCount, lastMessageId }: Props) {
  const refresh = useLiveRefresh();
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (unreadCount === 0 || document.visibilityState !== "visible") return;
    const form = new FormData();
    form.set("customerId", customerId);
    // Refresh afterwards so the inbox's unread count drops too: with the "read" event's own refresh, one re-read.
    void markConversationReadAction(null, form).then((result) => {
      if (result?.ok) refresh();
    });
  }, [customerId, unreadCount, refresh]);

  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [lastMessageId]);

  return <div ref={end} aria-hidden />;
}
