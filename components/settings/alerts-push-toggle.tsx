"use client";
// Browser alerts (Web Push) for this browser: asks for notification permission, registers the service
// worker (public/sw.js), subscribes with the app's VAPID key and hands the subscription to
// /api/alerts/push-subscriptions. States: checking, not supported, blocked, off, on.
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Loader2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type PushState = "checking" | "unsupported" | "blocked" | "off" | "on";

const STATE_WORDS: Record<PushState, string> = {
  checking: "Checking this browser…",
  unsupported: "This browser can't show alerts from websites (on iPhone, add Bolt to your Home Screen first).",
  blocked: "Alerts are blocked for this site. Allow notifications in your browser's site settings, then come back.",
  off: "Browser alerts are off in this browser.",
  on: "Browser alerts are on in this browser.",
};

const ENDPOINT = "/api/alerts/push-subscriptions";

function supportsPush(): boolean {
  return typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/**
 * Where this browser stands. A subscription it already has is handed to the server again: on a browser
 * two members share, "on" then means on for whoever is signed in now (the server binds it to them).
 */
async function detectPushState(): Promise<PushState> {
  if (!supportsPush()) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  const subscription = await currentSubscription();
  if (!subscription || Notification.permission !== "granted") return "off";
  await send("POST", subscription.toJSON());
  return "on";
}

async function send(method: "POST" | "DELETE", body: unknown): Promise<unknown> {
  const res = await fetch(ENDPOINT, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => null)) as { message?: string } | null;
  if (!res.ok) throw new Error(json?.message ?? `HTTP ${res.status}`);
  return json;
}

export function AlertsPushToggle({ vapidPublicKey }: { vapidPublicKey: string }) {
  const [state, setState] = useState<PushState>("checking");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    detectPushState().then(setState, () => setState("off"));
  }, []);

  async function turnOn() {
    setBusy(true);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState(permission === "denied" ? "blocked" : "off");
        toast.error("Bolt needs your permission to show alerts in this browser.");
        return;
      }
      const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: vapidPublicKey });
      await send("POST", subscription.toJSON());
      setState("on");
      toast.success("Browser alerts are on.");
    } catch (err) {
      toast.error(`This browser couldn't turn alerts on: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    try {
      const subscription = await currentSubscription();
      if (subscription) {
        const { deleted } = (await send("DELETE", { endpoint: subscription.endpoint })) as { deleted?: boolean };
        // Only this member's: another member's subscription on a shared browser keeps working.
        if (deleted) await subscription.unsubscribe();
      }
      setState("off");
      toast.success("Browser alerts are off.");
    } catch (err) {
      toast.error(`Couldn't turn browser alerts off: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Browser alerts</CardTitle>
        <CardDescription>A notification on this computer or phone, even with Bolt closed. Choose which events below.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap items-center gap-3">
        <p className="min-w-0 flex-1 text-sm" role="status" data-testid="push-state" data-state={state}>
          {STATE_WORDS[state]}
        </p>
        {(state === "off" || state === "on") && (
          <Button type="button" variant={state === "on" ? "outline" : "default"} disabled={busy} onClick={state === "on" ? turnOff : turnOn}>
            {busy && <Loader2Icon className="animate-spin" aria-hidden />}
            {state === "on" ? "Turn off browser alerts" : "Turn on browser alerts"}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
