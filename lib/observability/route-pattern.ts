import { readFileSync } from "node:fs";
import path from "node:path";

type Pattern = { template: string; regex: RegExp; dynamic: number };

/**
 * App-router keys (`/api/v1/bookings/[id]/route`, `/(auth)/login/page`) → URL patterns. Route groups
 * vanish from the URL; `[x]` is one segment, `[...x]` one or more, `[[...x]]` zero or more.
 */
export function compilePatterns(keys: string[]): Pattern[] {
  const patterns = new Map<string, Pattern>();
  for (const key of keys) {
    if (!/\/(page|route)$/.test(key)) continue;
    const segments = key
      .replace(/\/(page|route)$/, "")
      .split("/")
      .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
    const template = `/${segments.join("/")}`;
    // Weight for ordering: one per dynamic segment, more for catch-alls, so specific routes win.
    const weights = segments.map((s) =>
      /^\[\[\.\.\..+\]\]$/.test(s) ? 100 : /^\[\.\.\..+\]$/.test(s) ? 10 : /^\[.+\]$/.test(s) ? 1 : 0,
    );
    const dynamic = weights.reduce<number>((a, b) => a + b, 0);
    const source = segments
      .map((s, i) => {
        const weight = weights[i];
        if (weight === 100) return "(?:/.*)?";
        if (weight === 10) return "/.+";
        if (weight === 1) return "/[^/]+";
        return `/${s.replace(/[.*+?^${}()|\\]/g, "\\$&")}`;
      })
      .join("");
    patterns.set(template, { template, regex: new RegExp(`^${source || "/"}$`), dynamic });
  }
  // Static segments beat dynamic ones (`/dashboard/customers/new` before `/dashboard/customers/[id]`).
  return [...patterns.values()].sort((a, b) => a.dynamic - b.dynamic);
}

export function matchRoute(patterns: Pattern[], pathname: string): string | undefined {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return patterns.find((p) => p.regex.test(clean))?.template;
}

let cached: Pattern[] | undefined;

/**
 * The route a request matched, for metric labels and log lines: a bounded set, and never a path's ids,
 * slugs or manage tokens. Read from Next's build manifest, so it works for `npm start` and the
 * standalone image alike; in development the manifest grows as pages compile, so a miss re-reads it.
 */
export function routeOf(pathname: string, production: boolean): string {
  if (pathname.startsWith("/_next/")) return "/_next";
  if (!cached || !production) cached = loadPatterns();
  return matchRoute(cached, pathname) ?? "unmatched";
}

function loadPatterns(): Pattern[] {
  try {
    const file = path.join(process.cwd(), ".next", "server", "app-paths-manifest.json");
    return compilePatterns(Object.keys(JSON.parse(readFileSync(file, "utf8"))));
  } catch {
    return [];
  }
}
