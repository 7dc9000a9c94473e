import type { z } from "zod";
import { ValidationFailed } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/http";

/** The lib parses its input again behind every route and action: bad input is a 422, never a 500. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new ValidationFailed("Some fields need attention.", zodFieldErrors(parsed.error));
  return parsed.data;
}
