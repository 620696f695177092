// A local push service speaking RFC 8030, for the sandbox and tests (Chromium's own is Google's, out of
// reach offline). `subscribe()` plays the browser: it makes the subscription's keys and endpoint. A push
// (POST /push/<id>) must carry TTL, Content-Encoding: aes128gcm and a valid VAPID Authorization; its
// payload is decrypted with the subscription's keys and kept in `received`. 201 + Location on success,
// 404 for an unknown subscription, 410 for one `unsubscribe()`d (the browser dropped it).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decryptPushPayload, newClientKeys, PushRejection, verifyVapid, type ClientKeys } from "@/lib/dev/push-sandbox/crypto";

export type ReceivedPush = { subscriptionId: string; payload: string; ttl: number; urgency: string | null; vapidKey: string };
export type StandInSubscription = { endpoint: string; keys: { p256dh: string; auth: string } };

export type PushStandIn = {
  url: string;
  received: ReceivedPush[];
  subscribe(): StandInSubscription;
  unsubscribe(endpoint: string): void;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startPushStandIn(opts: { port?: number; host?: string } = {}): Promise<PushStandIn> {
  const subscriptions = new Map<string, ClientKeys>();
  const gone = new Set<string>();
  const received: ReceivedPush[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const id = /^\/push\/([\w-]+)$/.exec(req.url ?? "")?.[1];
    if (req.method !== "POST" || !id) return res.writeHead(404).end();
    const body = await readBody(req);
    if (gone.has(id)) return res.writeHead(410).end("subscription expired");
    const client = subscriptions.get(id);
    if (!client) return res.writeHead(404).end("no such subscription");
    try {
      const ttl = Number(req.headers.ttl);
      if (req.headers.ttl === undefined || !Number.isInteger(ttl) || ttl < 0) throw new PushRejection("TTL header required");
      if (req.headers["content-encoding"] !== "aes128gcm") throw new PushRejection("Content-Encoding must be aes128gcm");
      const vapidKey = verifyVapid(req.headers.authorization, base, Math.floor(Date.now() / 1000));
      const payload = decryptPushPayload(body, client).toString("utf8");
      const urgency = typeof req.headers.urgency === "string" ? req.headers.urgency : null;
      received.push({ subscriptionId: id, payload, ttl, urgency, vapidKey });
      res.writeHead(201, { Location: `${base}/message/${randomUUID()}` }).end();
    } catch (err) {
      // A bad header, signature or payload (a GCM tag that doesn't match is node's own Error).
      res.writeHead(400, { "Content-Type": "text/plain" }).end(err instanceof Error ? err.message : "bad request");
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    received,
    subscribe() {
      const id = randomUUID();
      const keys = newClientKeys();
      subscriptions.set(id, keys);
      return { endpoint: `${base}/push/${id}`, keys: { p256dh: keys.p256dh, auth: keys.authSecret } };
    },
    unsubscribe(endpoint) {
      const id = endpoint.split("/").pop() ?? "";
      subscriptions.delete(id);
      gone.add(id);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
