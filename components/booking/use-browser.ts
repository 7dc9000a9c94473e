"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const serverZone = () => null;

/**
 * The customer's IANA time zone, or null while rendering on the server and hydrating (the server cannot
 * know it, so anything zone-dependent renders only in the browser).
 */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(subscribe, browserZone, serverZone);
}

const search = () => window.location.search;
const noSearch = () => null;

/** One query-string value, read in the browser only. */
export function useQueryParam(name: string): string | null | undefined {
  const query = useSyncExternalStore(subscribe, search, noSearch);
  // undefined: not known yet (server render / hydration); null: known to be absent.
  return query === null ? undefined : new URLSearchParams(query).get(name);
}
