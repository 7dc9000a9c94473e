import { latestVersion, subscribeChanges } from "./live";
import type { LiveChannel } from "./types";

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 3_000;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

export type LiveStreamOptions = {
  tenantId: string;
  channel: LiveChannel;
  /** The client's Last-Event-ID (the version of the last hint it saw), on a reconnect. */
  lastEventId?: string | null;
  /** The request's signal: the stream ends and unsubscribes when the client goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
};

function frame(version: number, data: unknown): string {
  return `id: ${version}\nevent: changed\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * A server-sent events stream of "changed" hints for one practice's channel. A reconnecting client
 * (Last-Event-ID) gets one "resync" hint at once when it may have missed something: hints sent while
 * it was away are not kept, so it refetches.
 */
export function liveStream(o: LiveStreamOptions): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send(`retry: ${RETRY_MS}\n\n`);
      if (o.lastEventId !== undefined && o.lastEventId !== null) {
        const seen = Number(o.lastEventId);
        const latest = latestVersion(o.tenantId, o.channel);
        if (!Number.isFinite(seen) || latest === undefined || latest > seen) {
          const version = latest ?? Date.now();
          send(frame(version, { type: "resync", version }));
        }
      }
      const unsubscribe = subscribeChanges(o.tenantId, (change) => {
        if (change.channel === o.channel) send(frame(change.message.version, change.message));
      });
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), o.heartbeatMs ?? HEARTBEAT_MS);
      let done = false;
      cleanup = () => {
        if (done) return;
        done = true;
        clearInterval(heartbeat);
        unsubscribe();
        o.signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // Already closed by the runtime.
        }
      };
      o.signal.addEventListener("abort", cleanup);
      if (o.signal.aborted) cleanup();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}
