/** Defect 12: sign-up is rate limited, a database outage is a 503 with Retry-After, errors are not cached. */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as publicTenant } from "@/app/api/v1/public/tenants/[slug]/route";
import { resetConfigForTests } from "@/lib/config";
import { closeDatabase, connection } from "@/lib/db";
import { TooManyRequests } from "@/lib/errors";
import { SIGNUPS_PER_IP, signUp } from "@/lib/tenants";
import { TEST_PASSWORD, unique } from "../support/factory";

// Open (and, embedded, migrate) the database in a hook, whose timeout allows a cold start.
beforeAll(() => connection());
afterAll(closeDatabase);

const randomIp = () => `10.${[...randomBytes(3)].join(".")}`;
const lookup = (slug: string, ip = randomIp()) =>
  publicTenant(
    new Request(`http://localhost:3000/api/v1/public/tenants/${slug}`, {
      headers: { "x-forwarded-for": ip },
    }),
    {
      params: Promise.resolve({ slug }),
    },
  );

describe("sign-up rate limit", () => {
  it(`allows ${SIGNUPS_PER_IP.points} sign-ups an hour from one IP, then 429`, async () => {
    const ip = randomIp();
    const attempt = () => {
      const slug = unique("s");
      return signUp(
        {
          businessName: `Practice ${slug}`,
          slug,
          timeZone: "Europe/London",
          currency: "GBP",
          ownerName: "Owner Person",
          email: `${slug}@example.test`,
          password: TEST_PASSWORD,
        },
        ip,
      );
    };
    for (let i = 0; i < SIGNUPS_PER_IP.points; i++) await attempt();
    await expect(attempt()).rejects.toBeInstanceOf(TooManyRequests);
    // Another address is unaffected.
    const slug = unique("s");
    await expect(
      signUp(
        {
          businessName: `Practice ${slug}`,
          slug,
          timeZone: "Europe/London",
          currency: "GBP",
          ownerName: "Owner Person",
          email: `${slug}@example.test`,
          password: TEST_PASSWORD,
        },
        randomIp(),
      ),
    ).resolves.toMatchObject({ slug });
    // Seven password hashes: give a loaded machine time.
  }, 120_000);
});

describe("error responses", () => {
  it("carry Cache-Control: private, no-store", async () => {
    const res = await lookup("no-such-practice-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("a database outage is a 503 problem with Retry-After, not a 500", async () => {
    const saved = { url: process.env.DATABASE_URL, embedded: process.env.EMBEDDED_DB_PATH };
    await closeDatabase();
    process.env.DATABASE_URL = "postgresql://boka@127.0.0.1:1/boka";
    resetConfigForTests();
    try {
      const res = await lookup("demo");
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(await res.json()).toMatchObject({ status: 503, request_id: expect.any(String) });
    } finally {
      await closeDatabase();
      if (saved.url === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.url;
      resetConfigForTests();
    }
  });
});
