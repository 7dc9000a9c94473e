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
  override readonly status = 422;
  override readonly type = "validation-failed";
  override readonly title = "Some fields need attention";
}

export class NotFound extends DomainError {
  override readonly status = 404;
  override readonly type = "not-found";
  override readonly title = "Not found";
}

export class Unauthenticated extends DomainError {
  override readonly status = 401;
  override readonly type = "unauthenticated";
  override readonly title = "Sign in required";
}

export class Forbidden extends DomainError {
  override readonly status = 403;
  override readonly type = "forbidden";
  override readonly title = "Not allowed";
}

export class Conflict extends DomainError {
  override readonly status = 409;
  override readonly type = "conflict";
  override readonly title = "Conflict";
}

export class TooManyRequests extends DomainError {
  override readonly status = 429;
  override readonly type = "rate-limited";
  override readonly title = "Too many requests";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
