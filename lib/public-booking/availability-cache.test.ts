import { describe, expect, it } from "vitest";
import { closeLiveUpdates, type LiveChange, publishChange, subscribeChanges } from "@/lib/events";
import { cachedAvailability, forgetAvailability, noteTenantSlug } from "./availability-cache";

describe("availability cache", () => {
  it("answers repeated questions from memory until the TTL passes", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cachedAvailability("a", "q1", 2, compute, 1_000)).toBe(1);
    expect(await cachedAvailability("a", "q1", 2, compute, 2_999)).toBe(1);
    expect(await cachedAvailability("a", "q1", 2, compute, 3_000)).toBe(2);
    expect(await cachedAvailability("a", "q2", 2, compute, 3_000)).toBe(3);
  });

  it("shares one computation between concurrent misses", async () => {
    let computed = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 5));
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => cachedAvailability("b", "q", 2, compute)),
    );
    expect(new Set(answers)).toEqual(new Set([1]));
  });

  it("forgets a practice's answers after a write, and never keeps errors", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    await cachedAvailability("c", "q", 60, compute);
    forgetAvailability("c");
    expect(await cachedAvailability("c", "q", 60, compute)).toBe(2);
    await expect(cachedAvailability("d", "q", 60, () => Promise.reject(new Error("404")))).rejects.toThrow();
    await Promise.resolve();
    expect(await cachedAvailability("d", "q", 60, compute)).toBe(3);
  });

  it("is off with a TTL of 0", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    await cachedAvailability("e", "q", 0, compute);
    expect(await cachedAvailability("e", "q", 0, compute)).toBe(2);
  });

  it("drops a practice's answers when any instance announces an availability change", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    const tenantId = crypto.randomUUID();
    noteTenantSlug(tenantId, "f");
    await cachedAvailability("f", "q", 60, compute);
    await cachedAvailability("g", "q", 60, compute);
    // With REDIS_URL or a real Postgres the hint comes back through the transport: wait for it.
    const announce = (change: LiveChange) =>
      new Promise<void>((resolve) => {
        const stop = subscribeChanges(tenantId, () => {
          stop();
          resolve();
        });
        void publishChange(change);
      });
    const message = { type: "booking.created", version: 1 };
    await announce({ tenantId, channel: "bookings", message });
    expect(await cachedAvailability("f", "q", 60, compute)).toBe(1);
    await announce({ tenantId, channel: `availability:${crypto.randomUUID()}`, message });
    expect(await cachedAvailability("f", "q", 60, compute)).toBe(3);
    expect(await cachedAvailability("g", "q", 60, compute)).toBe(2);
    await closeLiveUpdates();
  });
});
