// Bolt's service worker: shows the team's Web Push alerts (lib/alerts/send-push.ts sends
// { title, body, url, tag }) and, on a click, focuses a Bolt tab on that page or opens one.
self.addEventListener("push", (event) => {
  let alert = { title: "Bolt", body: "", url: "/", tag: undefined };
  try {
    alert = { ...alert, ...event.data.json() };
  } catch {
    if (event.data) alert.body = event.data.text();
  }
  event.waitUntil(
    self.registration.showNotification(alert.title, {
      body: alert.body,
      tag: alert.tag,
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      data: { url: alert.url },
    }),
  );
});

// Tabs opened before this worker started are taken over, so a click can navigate them.
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const same = windows.find((w) => w.url === target) || windows.find((w) => new URL(w.url).origin === self.location.origin);
      // navigate() rejects on a tab this worker doesn't control: then a new window opens instead.
      if (same) return same.focus().then(() => same.navigate(target)).catch(() => self.clients.openWindow(target));
      return self.clients.openWindow(target);
    }),
  );
});
