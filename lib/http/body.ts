import { ValidationFailed } from "@/lib/errors";

/**
 * Postgres text cannot hold U+0000, so a NUL anywhere in client input would fail deep in a query as a
 * 500. Every boundary (JSON bodies, query strings, server action input) asks this first.
 * Returns the path of the first string (value or key) that contains one, or null.
 */
export function nulPath(value: unknown, path: readonly (string | number)[] = []): string | null {
  const here = () => (path.length ? path.join(".") : "body");
  if (typeof value === "string") return value.includes("\u0000") ? here() : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) return here();
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export const NUL_MESSAGE = "Remove the invisible NUL character";

/** Throws a 422 naming the field when `value` holds a NUL character anywhere. */
export function rejectNul(value: unknown, what: string): void {
  const field = nulPath(value);
  if (field) {
    throw new ValidationFailed(`The ${what} contains a NUL character.`, [{ field, message: NUL_MESSAGE }]);
  }
}

/**
 * The request's JSON body, parsed and free of NUL characters: malformed JSON is a 422. `optional`: an
 * empty body reads as `{}`.
 */
export async function readJson(request: Request, options: { optional?: boolean } = {}): Promise<unknown> {
  const text = await request.text();
  if (options.optional && !text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationFailed("The request body is not valid JSON.", [
      { field: "body", message: "Invalid JSON" },
    ]);
  }
  rejectNul(body, "request body");
  return body;
}
