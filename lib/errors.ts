/** Typed domain errors. The HTTP layer maps each to a problem+json status and type. */
export type FieldError = { field: string; message: string };

export class DomainError extends Error {
  readonly status: number = 400;
  readonly type: string = "bad-request";
  readonly title: string = "Bad request";
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  override readonly status: number = 422;
  override readonly type: string = "validation-failed";
  override readonly title: string = "Some fields need attention";
}

export class NotFound extends DomainError {
  override readonly status: number = 404;
  override readonly type: string = "not-found";
  override readonly title: string = "Not found";
}

export class Unauthenticated extends DomainError {
  override readonly status: number = 401;
  override readonly type: string = "unauthenticated";
  override readonly title: string = "Sign in required";
}

export class Forbidden extends DomainError {
  override readonly status: number = 403;
  override readonly type: string = "forbidden";
  override readonly title: string = "Not allowed";
}

export class Conflict extends DomainError {
  override readonly status: number = 409;
  override readonly type: string = "conflict";
  override readonly title: string = "Conflict";
}

export class TooManyRequests extends DomainError {
  override readonly status: number = 429;
  override readonly type: string = "rate-limited";
  override readonly title: string = "Too many requests";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export const PRACTICE_SUSPENDED =
  "This practice is suspended, so its dashboard and API are unavailable. Contact Boka support.";

/** A suspended practice's own team: no dashboard, 403 from the API (visitors already get 404s). */
export class PracticeSuspended extends Forbidden {
  override readonly type: string = "practice-suspended";
  override readonly title: string = "Practice suspended";
  constructor(message = PRACTICE_SUSPENDED) {
    super(message);
  }
}
