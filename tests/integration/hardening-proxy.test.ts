import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { isEmbeddablePath } from "@/lib/http";
import { Slug } from "@/lib/tenants/fields";
import { proxy } from "@/proxy";

const originalAppUrl = process.env.APP_URL;
afterEach(() => {
  if (originalAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = originalAppUrl;
  resetConfigForTests();
});

function appAt(url: string) {
  process.env.APP_URL = url;
  resetConfigForTests();
}

const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(url, { method: init.method ?? "GET", headers: init.headers });

describe("HSTS (defect 9)", () => {
  it("is sent when APP_URL is https, even though a proxy in front speaks http to the app", () => {
    appAt("https://book.example.com");
    const res = proxy(request("http://127.0.0.1:3000/login"));
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("is not sent for an http APP_URL", () => {
    appAt("http://localhost:3000");
    expect(proxy(request("http://localhost:3000/login")).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("server actions need a same-origin request (defect 10)", () => {
  const action = (headers: Record<string, string>, path = "/dashboard/team") =>
    proxy(
      request(`http://localhost:3000${path}`, {
        method: "POST",
        headers: { host: "localhost:3000", "next-action": "7f00", "content-type": "text/plain", ...headers },
      }),
    );

  it("refuses a POST to a page with no Origin and no Sec-Fetch-Site", () => {
    expect(action({}).status).toBe(403);
  });

  it("refuses a foreign Origin, and a form post without the Next-Action header too", () => {
    expect(action({ origin: "https://evil.example" }).status).toBe(403);
    const form = proxy(
      request("http://localhost:3000/login", {
        method: "POST",
        headers: { host: "localhost:3000", "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(form.status).toBe(403);
    expect(action({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }).status).toBe(403);
  });

  it("lets through a matching Origin or Sec-Fetch-Site: same-origin", () => {
    expect(action({ origin: "http://localhost:3000" }).status).toBe(200);
    expect(action({ "sec-fetch-site": "same-origin" }).status).toBe(200);
  });

  it("leaves the API to the route wrapper's own checks, and safe methods alone", () => {
    expect(action({}, "/api/v1/public/tenants/demo/bookings").status).toBe(200);
    expect(proxy(request("http://localhost:3000/dashboard")).status).toBe(200);
  });
});

describe("/unlock and /suspended (defect 12)", () => {
  it("cannot be framed and are not practice addresses", () => {
    for (const path of ["/unlock", "/suspended"]) {
      expect(isEmbeddablePath(path)).toBe(false);
      expect(proxy(request(`http://localhost:3000${path}`)).headers.get("x-frame-options")).toBe("DENY");
      expect(Slug.safeParse(path.slice(1)).success).toBe(false);
    }
  });
});
