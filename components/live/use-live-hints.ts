"use client";
import { useEffect, useRef } from "react";

const SETTLE_MS = 250;

/**
 * Listens to a server-sent events stream of "changed" hints and calls `onHint` (at most once per
 * burst). EventSource reconnects by itself and sends Last-Event-ID, so the server can tell a client
 * that may have missed something to refetch.
 */
export function useLiveHints(url: string | null, onHint: () => void): void {
  const callback = useRef(onHint);
  callback.current = onHint;
  useEffect(() => {
    if (!url || typeof EventSource === "undefined") return;
    const source = new EventSource(url);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), SETTLE_MS);
    };
    source.addEventListener("changed", changed);
    return () => {
      clearTimeout(timer);
      source.removeEventListener("changed", changed);
      source.close();
    };
  }, [url]);
}
