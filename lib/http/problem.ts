import { z } from "zod";
import { DomainError, type FieldError, TooManyRequests } from "@/lib/errors";

export const PROBLEM_BASE = "https://boka.dev/problems/";

/** A 429 that also states the quota (RateLimit / RateLimit-Policy headers), not only when to retry. */
export class RateLimited extends TooManyRequests {
  constructor(
    message: string,
    retryAfterSeconds: number,
    readonly headers: Record<string, string>,
  ) {
    super(message, retryAfterSeconds);
  }
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  request_id: string;
  errors?: FieldError[];
};

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : "body",
    message: issue.message,
  }));
}

/** RFC 9457 body for any thrown value; unknown errors become a 500 without internals. */
export function toProblem(error: unknown, requestId: string): Problem {
  if (error instanceof z.ZodError) {
    return {
      type: `${PROBLEM_BASE}validation-failed`,
      title: "Some fields need attention",
      status: 422,
      detail: "The request has invalid fields.",
      request_id: requestId,
      errors: zodFieldErrors(error),
    };
  }
  if (error instanceof DomainError) {
    return {
      type: `${PROBLEM_BASE}${error.type}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      request_id: requestId,
      ...(error.errors.length ? { errors: error.errors } : {}),
    };
  }
  return {
    type: `${PROBLEM_BASE}internal`,
    title: "Something went wrong",
    status: 500,
    detail: "An unexpected error occurred. Quote the request id if you contact support.",
    request_id: requestId,
  };
}

export function problemResponse(error: unknown, requestId: string): Response {
  const problem = toProblem(error, requestId);
  const headers = new Headers({ "content-type": "application/problem+json", "x-request-id": requestId });
  if (error instanceof TooManyRequests) headers.set("retry-after", String(error.retryAfterSeconds));
  if (error instanceof RateLimited)
    for (const [name, value] of Object.entries(error.headers)) headers.set(name, value);
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}
