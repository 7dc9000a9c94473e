"use client";
import { useRouter } from "next/navigation";
import { useLiveHints } from "./use-live-hints";

/** Re-renders the page (server components refetch) when the practice's bookings change anywhere. */
export function LiveRefresh({ url = "/api/v1/live" }: { url?: string }) {
  const router = useRouter();
  useLiveHints(url, () => router.refresh());
  return null;
}
