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

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const same = windows.find((w) => w.url === target) || windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (same) return same.navigate(target).then((w) => (w || same).focus());
      return self.clients.openWindow(target);
    }),
  );
});
