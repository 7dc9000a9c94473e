import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db";
import { DomainError, type FieldError, TooManyRequests } from "@/lib/errors";

export const PROBLEM_BASE = "https://boka.dev/problems/";
/** How long a client should wait after a 503 for a database outage (a restart or failover). */
export const DATABASE_RETRY_SECONDS = 5;

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
  if (isDatabaseUnavailable(error)) {
    return {
      type: `${PROBLEM_BASE}service-unavailable`,
      title: "Temporarily unavailable",
      status: 503,
      detail: "The service cannot reach its database right now. Please try again shortly.",
      request_id: requestId,
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
  const headers = new Headers({
    "content-type": "application/problem+json",
    "x-request-id": requestId,
    // An error names this request's situation (and maybe the caller's data): never stored or shared.
    "cache-control": "private, no-store",
  });
  if (error instanceof TooManyRequests) headers.set("retry-after", String(error.retryAfterSeconds));
  if (problem.status === 503) headers.set("retry-after", String(DATABASE_RETRY_SECONDS));
  if (error instanceof RateLimited)
    for (const [name, value] of Object.entries(error.headers)) headers.set(name, value);
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}
