"use client";
import { useEffect, useState } from "react";
import { useLiveHints } from "@/components/live/use-live-hints";
import { describeError, publicApi, type Slot } from "./api";

export type AvailabilityQuery = {
  slug: string;
  serviceId: string;
  staffId: string | null;
  from: string;
  to: string;
  timeZone: string;
};

export type AvailabilityResult =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; slots: Slot[] };

/**
 * Free slots for a window; refetched when the query, `version` or a retry changes, and when the
 * practice announces that the service's availability changed (a live stream). A response for a window
 * the customer has already left is dropped (its request is aborted).
 */
export function useAvailability(
  query: AvailabilityQuery | null,
  version: number,
): AvailabilityResult & { retry: () => void } {
  const [result, setResult] = useState<{ base: string; value: AvailabilityResult } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [changes, setChanges] = useState(0);
  const base = query ? JSON.stringify([query, version, attempt]) : "";
  const key = base ? JSON.stringify([base, changes]) : "";
  const stream = query
    ? `/api/v1/public/tenants/${encodeURIComponent(query.slug)}/services/${encodeURIComponent(query.serviceId)}/availability/stream`
    : null;
  useLiveHints(stream, () => setChanges((n) => n + 1));

  useEffect(() => {
    if (!key) return;
    const [inner] = JSON.parse(key) as [string];
    const [q] = JSON.parse(inner) as [AvailabilityQuery];
    const controller = new AbortController();
    publicApi
      .availability(q.slug, q, controller.signal)
      .then((body) => setResult({ base: inner, value: { status: "ready", slots: body.data } }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ base: inner, value: { status: "error", message: describeError(error) } });
      });
    return () => controller.abort();
  }, [key]);

  const retry = () => setAttempt((n) => n + 1);
  // A live refetch keeps showing the current slots until the fresh answer arrives.
  const value: AvailabilityResult = result && result.base === base ? result.value : { status: "loading" };
  return { ...value, retry };
}
