import { expect, test } from "@playwright/test";

// The e2e server runs without TRUST_PROXY, so scripts/serve.mjs must drop client-sent forwarding headers:
// a client that invents a new X-Forwarded-For for every request still shares one per-IP budget.
test("rotating X-Forwarded-For does not escape per-IP rate limits without TRUST_PROXY", async ({
  request,
}) => {
  let refused: { status: number; retryAfter: string | undefined } | null = null;
  for (let i = 0; i < 130 && !refused; i++) {
    const response = await request.get("/api/v1/public/tenants/demo", {
      headers: { "x-forwarded-for": `198.51.100.${i % 250}`, "x-real-ip": `203.0.113.${i % 250}` },
    });
    if (response.status() === 429) refused = { status: 429, retryAfter: response.headers()["retry-after"] };
    else expect(response.status()).toBe(200);
  }
  expect(refused).not.toBeNull();
  expect(Number(refused?.retryAfter)).toBeGreaterThan(0);
});
