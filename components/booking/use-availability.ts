"use client";
import { useEffect, useState } from "react";
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
 * Free slots for a window; refetched when the query, `version` or a retry changes. A response for a
 * window the customer has already left is dropped (its request is aborted).
 */
export function useAvailability(
  query: AvailabilityQuery | null,
  version: number,
): AvailabilityResult & { retry: () => void } {
  const [result, setResult] = useState<{ key: string; value: AvailabilityResult } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = query ? JSON.stringify([query, version, attempt]) : "";

  useEffect(() => {
    if (!key) return;
    const [q] = JSON.parse(key) as [AvailabilityQuery];
    const controller = new AbortController();
    publicApi
      .availability(q.slug, q, controller.signal)
      .then((body) => setResult({ key, value: { status: "ready", slots: body.data } }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ key, value: { status: "error", message: describeError(error) } });
      });
    return () => controller.abort();
  }, [key]);

  const retry = () => setAttempt((n) => n + 1);
  const value: AvailabilityResult = result && result.key === key ? result.value : { status: "loading" };
  return { ...value, retry };
}
