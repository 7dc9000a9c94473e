import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as publicTenant } from "@/app/api/v1/public/tenants/[slug]/route";
import { closeDatabase, connection } from "@/lib/db";
import { json, readCookie, route } from "@/lib/http";

// Open (and, embedded, migrate) the database in a hook, whose timeout allows a cold start.
beforeAll(() => connection());
afterAll(closeDatabase);

describe("a session cookie with a bad percent-escape (defect 5)", () => {
  it("reads as no cookie", () => {
    expect(readCookie(new Headers({ cookie: "boka_session=%" }), "boka_session")).toBeUndefined();
    expect(readCookie(new Headers({ cookie: "a=%E0%A4%A; boka_session=ok" }), "boka_session")).toBe("ok");
  });

  it("is anonymous on a route, not a 500", async () => {
    const whoami = route(async ({ session }) => json({ signedIn: (await session()) !== null }));
    const res = await whoami(
      new Request("http://localhost:3000/x", { headers: { cookie: "boka_session=%" } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ signedIn: false });
  });

  it("an anonymous public route answers as usual", async () => {
    const res = await publicTenant(
      new Request("http://localhost:3000/api/v1/public/tenants/nobody-here", {
        headers: { cookie: "boka_session=%" },
      }),
      { params: Promise.resolve({ slug: "nobody-here" }) },
    );
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});
