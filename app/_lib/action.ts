import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ActionResult, ServerAction } from "@/components/forms/action-result";
import { isDatabaseUnavailable } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { NUL_MESSAGE, nulPath, zodFieldErrors } from "@/lib/http";
import { logger } from "@/lib/observability";

export type { ActionResult };

function failure(message: string, errors: { field: string; message: string }[]): ActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const e of errors) fieldErrors[e.field] ??= e.message;
  return { ok: false, message, fieldErrors };
}

/**
 * The one wrapper in front of every server action: validate with zod, run, and turn domain errors into
 * field messages for the form. Unexpected errors are logged and shown as a plain apology, never a 500 page.
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<T>,
): ServerAction<T> {
  return async (raw) => {
    const nul = nulPath(raw);
    if (nul) return failure("Some fields need attention.", [{ field: nul, message: NUL_MESSAGE }]);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return failure("Some fields need attention.", zodFieldErrors(parsed.error));
    try {
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) return failure(error.message, error.errors);
      if (isDatabaseUnavailable(error)) {
        logger.error({ err: error }, "server action failed: database unavailable");
        return failure(
          "The service is briefly unavailable. Nothing was changed; please try again shortly.",
          [],
        );
      }
      logger.error({ err: error }, "server action failed");
      return failure("Something went wrong on our side. Nothing was changed; please try again.", []);
    }
  };
}
