import { afterEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { clientIp, isForeignOrigin, readCookie } from "./request";

afterEach(() => {
  delete process.env.APP_URL;
  resetConfigForTests();
});

const h = (init: Record<string, string>) => new Headers(init);

describe("isForeignOrigin", () => {
  it("lets safe methods through whatever the Origin", () => {
    expect(isForeignOrigin("GET", h({ origin: "https://evil.example" }))).toBe(false);
  });

  it("refuses unsafe methods from another origin or with no Origin at all", () => {
    process.env.APP_URL = "https://book.example.com";
    resetConfigForTests();
    expect(isForeignOrigin("POST", h({ origin: "https://evil.example", host: "book.example.com" }))).toBe(
      true,
    );
    expect(isForeignOrigin("DELETE", h({ host: "book.example.com" }))).toBe(true);
    expect(isForeignOrigin("POST", h({ origin: "https://book.example.com" }))).toBe(false);
  });

  it("accepts the request's own host (the app behind another name)", () => {
    expect(isForeignOrigin("POST", h({ origin: "http://127.0.0.1:3200", host: "127.0.0.1:3200" }))).toBe(
      false,
    );
  });
});

describe("clientIp", () => {
  it("takes the right-most X-Forwarded-For entry (the one our server or proxy wrote)", () => {
    expect(clientIp(h({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp(h({ "x-forwarded-for": "not-an-ip" }))).toBeNull();
    expect(clientIp(h({}))).toBeNull();
  });
});

describe("readCookie", () => {
  it("finds a cookie among several", () => {
    expect(readCookie(h({ cookie: "a=1; boka_session=tok%2Ben; b=2" }), "boka_session")).toBe("tok+en");
    expect(readCookie(h({ cookie: "a=1" }), "boka_session")).toBeUndefined();
  });
});
