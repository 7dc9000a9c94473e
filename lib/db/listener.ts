import pg from "pg";
import { logger } from "@/lib/observability";

/** Stops a LISTEN subscription. */
export type Unlisten = () => Promise<void>;

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
const RECONNECT_MS = 1_000;

/**
 * One dedicated connection for LISTEN (a pooled one would lose its subscriptions when released), opened
 * on the first subscription and re-opened after a drop. Notifications sent while it was away are lost,
 * which is why every consumer also polls or treats messages as hints.
 */
export function postgresListener(options: pg.ClientConfig) {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;

  function open(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    if (connecting) return connecting;
    const next = new pg.Client(options);
    next.on("notification", (n) => {
      for (const handler of handlers.get(n.channel) ?? []) handler(n.payload ?? "");
    });
    next.on("error", (err) => {
      logger.warn({ err: err.message }, "postgres LISTEN connection lost; reconnecting");
      if (client === next) client = null;
      void next.end().catch(() => {});
      if (!closed) setTimeout(() => void reopen(), RECONNECT_MS).unref();
    });
    connecting = (async () => {
      try {
        await next.connect();
        for (const channel of handlers.keys()) await next.query(`listen ${channel}`);
        client = next;
        return next;
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  }

  async function reopen() {
    if (closed || handlers.size === 0) return;
    await open().catch((err) => {
      logger.warn({ err: (err as Error).message }, "postgres LISTEN reconnect failed; trying again");
      setTimeout(() => void reopen(), RECONNECT_MS).unref();
    });
  }

  async function listen(channel: string, onMessage: (payload: string) => void): Promise<Unlisten> {
    if (!CHANNEL.test(channel)) throw new Error(`invalid LISTEN channel ${channel}`);
    const set = handlers.get(channel) ?? new Set();
    const fresh = set.size === 0;
    set.add(onMessage);
    handlers.set(channel, set);
    const c = await open();
    // A LISTEN repeated on a connection that open() just subscribed is a no-op in Postgres.
    if (fresh) await c.query(`listen ${channel}`);
    return async () => {
      set.delete(onMessage);
      if (set.size === 0) {
        handlers.delete(channel);
        await client?.query(`unlisten ${channel}`).catch(() => {});
      }
    };
  }

  async function close() {
    closed = true;
    handlers.clear();
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  }

  return { listen, close };
}
