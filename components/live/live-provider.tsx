"use client";
// The signed-in shell's one connection to GET /api/live (one EventSource per tab, kept across client
// navigations because the admin layout holds it). Components subscribe with useLiveTopic; pages ask
// for a refresh with <LiveRefresh>, and every request within a short window becomes one
// router.refresh(). EventSource reconnects by itself after a drop; a stream the server refused (the
// listener full, signed out) is retried quietly after a while. The sidebar's counts ride along.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import {
  liveEventMatches,
  RESYNC_EVENT,
  type LiveEvent,
  type LiveTopic,
  type UnreadCounts,
} from "@/lib/live/live-event";

/** Requests for a refresh within this long of the first become one (a burst of events, one re-read). */
const REFRESH_DEBOUNCE_MS = 300;
/** After the server refused the stream (EventSource gives up on an HTTP error), try again after this. */
const REOPEN_AFTER_MS = 30_000;

type LiveState = "connecting" | "open" | "reconnecting";
type Listener = (event: LiveEvent) => void;

type LiveContextValue = {
  subscribe: (listener: Listener) => () => void;
  requestRefresh: () => void;
  counts: UnreadCounts;
};

const LiveContext = createContext<LiveContextValue | null>(null);

/**
 * What the sidebar counts can change on: a text arriving or read, a call's follow-up opening or closing
 * (the trigger names an outcome that just became missed, a voicemail or booked by Bolt instead, and the
 * follow-up may open with it). A call's status steps, notes or timeline don't re-read every page.
 */
const changesCounts = (e: LiveEvent) =>
  e.t === "*" ||
  (e.t === "messages" && (e.k === "text" || e.k === "read")) ||
  (e.t === "calls" && ["follow_up", "missed", "voicemail", "booked_by_bolt"].includes(e.k ?? ""));

export function LiveProvider({ counts, children }: { counts: UnreadCounts; children: React.ReactNode }) {
  const router = useRouter();
  const listeners = useRef(new Set<Listener>());
  const [state, setState] = useState<LiveState>("connecting");
  const refresh = useRef<{ timer?: ReturnType<typeof setTimeout>; hidden?: boolean }>({});

  const requestRefresh = useCallback(() => {
    const r = refresh.current;
    if (r.timer) return;
    r.timer = setTimeout(() => {
      r.timer = undefined;
      // A hidden tab re-reads once when it is shown again, not on every event meanwhile.
      if (document.visibilityState === "visible") router.refresh();
      else r.hidden = true;
    }, REFRESH_DEBOUNCE_MS);
  }, [router]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== "visible" || !refresh.current.hidden) return;
      refresh.current.hidden = false;
      router.refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [router]);

  useEffect(() => {
    const dispatch = (event: LiveEvent) => {
      // The layout's counts (sidebar) are part of every page: a change to them re-reads the page.
      if (changesCounts(event)) requestRefresh();
      for (const listener of listeners.current) listener(event);
    };
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource("/api/live");
      source.onopen = () => {
        setState("open");
        // What happened between the page's render and this stream's start was not heard, so the page is read
        // once more (without it a text's status that changed while the page loaded stayed "Sending"). Not
        // only for the listeners there are now: the page's own <LiveRefresh> may hydrate after the stream
        // opens (its part of the page streams in later), and would miss it.
        dispatch(RESYNC_EVENT);
      };
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          dispatch(JSON.parse(message.data) as LiveEvent);
        } catch {
          // Not an event of ours; nothing to show.
        }
      };
      source.onerror = () => {
        setState("reconnecting");
        if (source?.readyState === EventSource.CLOSED) reopen = setTimeout(open, REOPEN_AFTER_MS);
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [requestRefresh]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const value = useMemo(
    () => ({ subscribe, requestRefresh, counts }),
    [subscribe, requestRefresh, counts],
  );
  return (
    <LiveContext.Provider value={value}>
      {children}
      {/* For browser tests and support: whether this tab is hearing live updates. */}
      <span hidden data-live-state={state} />
    </LiveContext.Provider>
  );
}

function useLive(): LiveContextValue {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useLive needs <LiveProvider> (the admin layout)");
  return live;
}

/** Calls `onEvent` for each live event on `topics` (and the "re-read everything" event after a drop). */
export function useLiveTopic(
  topics: readonly LiveTopic[],
  onEvent: (event: LiveEvent) => void,
  id?: string,
): void {
  const { subscribe } = useLive();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  const key = topics.join(",");
  useEffect(() => {
    const wanted = key.split(",") as LiveTopic[];
    return subscribe((event) => {
      if (liveEventMatches(event, wanted, id)) latest.current(event);
    });
  }, [subscribe, key, id]);
}

/** Asks for one debounced router.refresh(). */
export function useLiveRefresh(): () => void {
  return useLive().requestRefresh;
}

/** The sidebar's counts as the layout last read them (a refresh re-reads them). */
export function useLiveCounts(): UnreadCounts | null {
  return useContext(LiveContext)?.counts ?? null;
}
