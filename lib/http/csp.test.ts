import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isEmbeddablePath } from "./csp";

describe("isEmbeddablePath", () => {
  it.each([
    ["/demo", true],
    ["/demo/manage/8a4e", true],
    ["/demo/account", false],
    ["/dashboard", false],
    ["/login", false],
    ["/api/v1/public/tenants/demo", false],
    ["/", false],
    ["/_next/static/x.js", false],
  ])("%s → %s", (path, expected) => {
    expect(isEmbeddablePath(path)).toBe(expected);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, and framing only where embeddable", () => {
    const csp = contentSecurityPolicy("abc", { dev: false, embeddable: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("abc", { dev: true, embeddable: true, https: false })).toMatch(
      /'unsafe-eval'.*frame-ancestors \*/,
    );
  });
});
