// One LISTEN connection per server process, fanning the database's "bolt_live" announcements out to
// this process's open live streams by salon. PostgreSQL delivers every NOTIFY to every listening
// connection, so several app instances on one database each hear every change, whoever wrote it.
// The connection is opened on the first subscriber and re-opened with back-off when it drops; after a
// drop every subscriber is told to read again (a "resync"), since announcements in the gap are lost.
import pg from "pg";
import { env } from "@/lib/env";
import { LIVE_CHANNEL, parseLivePayload, RESYNC_EVENT, type LiveEvent } from "@/lib/live/live-event";
import { logger as rootLogger, type Logger } from "@/lib/logger";

export type LiveSubscriber = {
  onEvent: (event: LiveEvent) => void;
  /** The listener is shutting down: end the stream. */
  onClose: () => void;
};

export type LiveListenerOptions = {
  connectionString: string;
  /** Open streams this process serves at most, and per salon (memory stays bounded). */
  maxSubscribers?: number;
  maxPerSalon?: number;
  /** Wait before reconnect attempt `n` (0-based). */
  backoffMs?: (attempt: number) => number;
  log?: Logger;
};

/** Thrown by subscribe() when the process already serves as many streams as it may. */
export class LiveCapacityError extends Error {
  constructor() {
    super("too many live streams");
    this.name = "LiveCapacityError";
  }
}

// 250 ms, doubling to 10 s, with jitter so instances don't all return at once after a restart.
const defaultBackoff = (attempt: number) =>
  Math.min(10_000, 250 * 2 ** attempt) * (0.75 + Math.random() * 0.5);

export class LiveListener {
  private readonly bySalon = new Map<string, Set<LiveSubscriber>>();
  private total = 0;
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Failed attempts in a row (the back-off's step). */
  private failures = 0;
  /** The connection dropped: announcements may have been missed while it was down. */
  private missed = false;
  private stopped = false;
  private readonly log: Logger;
  private readonly maxSubscribers: number;
  private readonly maxPerSalon: number;
  private readonly backoffMs: (attempt: number) => number;

  constructor(private readonly opts: LiveListenerOptions) {
    this.log = opts.log ?? rootLogger;
    this.maxSubscribers = opts.maxSubscribers ?? 5_000;
    this.maxPerSalon = opts.maxPerSalon ?? 200;
    this.backoffMs = opts.backoffMs ?? defaultBackoff;
  }

  /** Adds a subscriber for `salonId`'s events; returns its removal. Throws LiveCapacityError when full. */
  subscribe(salonId: string, subscriber: LiveSubscriber): () => void {
    if (this.stopped) throw new LiveCapacityError();
    let set = this.bySalon.get(salonId);
    if (this.total >= this.maxSubscribers || (set?.size ?? 0) >= this.maxPerSalon)
      throw new LiveCapacityError();
    if (!set) this.bySalon.set(salonId, (set = new Set()));
    set.add(subscriber);
    this.total++;
    void this.listening().catch(() => {}); // a failure is logged and retried by connect()
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      this.total--;
      set.delete(subscriber);
      if (set.size === 0 && this.bySalon.get(salonId) === set) this.bySalon.delete(salonId);
    };
  }

  /** Open streams now (for tests and figures). */
  get subscriberCount(): number {
    return this.total;
  }

  /** Resolves once the connection is LISTENing (opening it if need be). */
  listening(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error("live listener stopped"));
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  /** Ends every stream and closes the connection; the listener is done after this. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const subscribers = [...this.bySalon.values()].flatMap((set) => [...set]);
    this.bySalon.clear();
    this.total = 0;
    for (const s of subscribers) s.onClose();
    await this.connecting?.catch(() => {});
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.opts.connectionString,
      application_name: "bolt-live",
      keepAlive: true,
    });
    // A dropped connection (restart, pg_terminate_backend, network) shows as "error" and/or "end".
    client.on("error", (err) => this.dropped(client, err));
    client.on("end", () => this.dropped(client));
    client.on("notification", (msg) => {
      if (msg.channel === LIVE_CHANNEL) this.deliver(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (err) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      this.log.warn({ err }, "live updates: could not listen; retrying");
      this.failures++;
      this.scheduleReconnect();
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.failures = 0;
    if (this.missed) {
      this.missed = false;
      this.log.info("live updates: listening again");
      this.broadcast(RESYNC_EVENT);
    }
  }

  private dropped(client: pg.Client, err?: Error): void {
    if (this.client !== client) return; // an attempt that never became current, or already handled
    this.client = null;
    client.removeAllListeners("end");
    void client.end().catch(() => {});
    if (this.stopped) return;
    this.log.warn({ err }, "live updates: connection lost; reconnecting");
    this.missed = true;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const wait = this.backoffMs(this.failures);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // Only while someone is listening: with no subscribers the next subscribe() connects.
      if (this.total > 0) void this.listening().catch(() => {});
    }, wait);
    this.retryTimer.unref();
  }

  private deliver(payload: string | undefined): void {
    const parsed = parseLivePayload(payload);
    if (!parsed) {
      this.log.warn({ payload }, "live updates: ignored a malformed announcement");
      return;
    }
    const set = this.bySalon.get(parsed.salonId);
    if (set) for (const s of set) this.call(s, parsed.event);
  }

  private broadcast(event: LiveEvent): void {
    for (const set of this.bySalon.values()) for (const s of set) this.call(s, event);
  }

  private call(subscriber: LiveSubscriber, event: LiveEvent): void {
    try {
      subscriber.onEvent(event);
    } catch (err) {
      this.log.error({ err }, "live updates: a subscriber failed");
    }
  }
}

// One per process, kept on globalThis: Next bundles this module into several chunks (see lib/db.ts).
const globalForLive = globalThis as unknown as { boltLiveListener?: LiveListener };

/** This process's listener, on the database the app uses. */
export function liveListener(): LiveListener {
  return (globalForLive.boltLiveListener ??= new LiveListener({ connectionString: env.DATABASE_URL }));
}

/** Ends every live stream and the listening connection (shutdown; before PostgreSQL stops or a test drops it). */
export async function closeLiveListener(): Promise<void> {
  const listener = globalForLive.boltLiveListener;
  globalForLive.boltLiveListener = undefined;
  await listener?.stop();
}
