"use client";
// Says what just arrived — a text, a missed call, a voicemail, a booking Bolt made — with a button to
// open it. Only events nobody at the desk caused (a customer texting or calling), so never a toast for
// the user's own action; not while the user already looks at that thread or call; and a burst becomes
// one running count instead of a stack.
import { useRef } from "react";
import { usePathname, useRouter } from "next/navigation";
import { toast } from "sonner";
import { useLiveTopic } from "@/components/live/live-provider";
import type { LiveEvent } from "@/lib/live/live-event";
import { formatCallerNumber } from "@/lib/phone";

/** More toasts than this within BURST_MS and the rest are counted in one. */
const BURST_SIZE = 3;
const BURST_MS = 10_000;

/** "Maria Lopez" → "Maria L."; the number, as people write it, when the caller isn't a customer yet. */
export function shortCallerName(event: Pick<LiveEvent, "n" | "f">): string {
  const words = (event.n ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return formatCallerNumber(event.f);
  return words.length === 1 ? words[0]! : `${words[0]} ${words.at(-1)!.charAt(0).toUpperCase()}.`;
}

type Arrival = { toastId: string; title: string; description?: string; href: string };

/** What a toast says about `event`, or null for events that get none. */
export function describeArrival(event: LiveEvent): Arrival | null {
  const who = shortCallerName(event);
  if (event.t === "messages" && event.k === "text")
    return { toastId: `text:${event.id}`, title: `New text from ${who}`, href: `/messages/${event.id}` };
  if (event.t !== "calls") return null;
  const href = `/calls/${event.id}`;
  // One toast per call: a missed call that turns into a voicemail replaces its own toast.
  const toastId = `call:${event.id}`;
  if (event.k === "missed") return { toastId, title: `Missed call from ${who}`, href };
  if (event.k === "voicemail") return { toastId, title: `Voicemail from ${who}`, href };
  if (event.k === "booked_by_bolt")
    return { toastId, title: "Appointment booked by Bolt", description: `Call from ${who}`, href };
  return null;
}

export function LiveToasts() {
  const router = useRouter();
  const pathname = usePathname();
  const recent = useRef<number[]>([]);
  const burst = useRef(0);

  useLiveTopic(["messages", "calls"], (event) => {
    const arrival = describeArrival(event);
    if (!arrival || pathname === arrival.href) return;
    const now = Date.now();
    recent.current = recent.current.filter((at) => now - at < BURST_MS);
    if (recent.current.length >= BURST_SIZE) {
      burst.current += 1;
      toast(`${burst.current} more new ${burst.current === 1 ? "arrival" : "arrivals"}`, {
        id: "live-burst",
        description: arrival.title,
        action: { label: "Open", onClick: () => router.push(arrival.href) },
      });
      return;
    }
    burst.current = 0;
    recent.current.push(now);
    toast(arrival.title, {
      id: arrival.toastId,
      description: arrival.description,
      action: { label: "Open", onClick: () => router.push(arrival.href) },
    });
  });
  return null;
}
