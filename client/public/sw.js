// withme's service worker: shows Web Push notifications and opens the app when one is clicked.
// The server sends {title, body, url, tag} (see notificationFor in src/application/push/pushNotifier.ts).

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  // Take over open tabs at once, so a click can bring one of them forward.
  event.waitUntil(self.clients.claim());
});

function readPayload(data) {
  if (!data) return {};
  try {
    return data.json();
  } catch {
    return { body: data.text() };
  }
}

self.addEventListener("push", (event) => {
  const payload = readPayload(event.data);
  const title = typeof payload.title === "string" && payload.title ? payload.title : "withme";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof payload.body === "string" ? payload.body : "",
      tag: typeof payload.tag === "string" ? payload.tag : undefined,
      renotify: typeof payload.tag === "string",
      icon: "/favicon.svg",
      data: { url: typeof payload.url === "string" ? payload.url : "/" },
    }),
  );
});

// The server serves the app at "/" only: a conversation is opened as /?agent=<id>.
function appUrl(url) {
  const target = new URL(url || "/", self.location.origin);
  if (target.origin !== self.location.origin) return new URL("/", self.location.origin).href;
  const chat = /^\/chat\/([^/]+)$/.exec(target.pathname);
  if (chat) return new URL(`/?agent=${chat[1]}`, self.location.origin).href;
  return target.href;
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = appUrl(event.notification.data?.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (!open) return self.clients.openWindow(url);
      const focused = await open.focus();
      return open.url === url ? focused : focused.navigate(url).catch(() => focused);
    })(),
  );
});
