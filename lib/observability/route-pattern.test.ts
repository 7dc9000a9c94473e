import { describe, expect, it } from "vitest";
import { compilePatterns, matchRoute } from "./route-pattern";

const patterns = compilePatterns([
  "/(marketing)/page",
  "/(auth)/login/page",
  "/[slug]/page",
  "/[slug]/manage/[id]/page",
  "/dashboard/customers/[id]/page",
  "/dashboard/customers/new/page",
  "/api/v1/public/bookings/[id]/cancel/route",
  "/api/v1/public/tenants/[slug]/availability/route",
  "/docs/[...path]/page",
  "/_not-found/page",
  "/favicon.ico/route",
]);

describe("route patterns from the app-router manifest", () => {
  it.each([
    ["/", "/"],
    ["/login", "/login"],
    ["/login/", "/login"],
    ["/acme-dental", "/[slug]"],
    ["/acme-dental/manage/0b5e4c0e-3c55-4c59-9f52-6f1b1c1f0c11", "/[slug]/manage/[id]"],
    ["/dashboard/customers/new", "/dashboard/customers/new"],
    ["/dashboard/customers/42", "/dashboard/customers/[id]"],
    ["/api/v1/public/bookings/tok_secret_value/cancel", "/api/v1/public/bookings/[id]/cancel"],
    ["/api/v1/public/tenants/acme/availability", "/api/v1/public/tenants/[slug]/availability"],
    ["/docs/a/b/c", "/docs/[...path]"],
  ])("%s → %s", (path, template) => {
    expect(matchRoute(patterns, path)).toBe(template);
  });

  it("leaves paths no route serves unmatched, so a scan cannot grow the label set", () => {
    expect(matchRoute(patterns, "/api/v1/nothing/here")).toBeUndefined();
    expect(matchRoute(patterns, "/acme/extra/segments")).toBeUndefined();
  });
});
