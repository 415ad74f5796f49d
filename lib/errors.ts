// Typed domain errors (STYLE.md "Errors"): lib throws, only app/ maps them to problem+json, field errors or 404.

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fieldErrors?: FieldErrors;
  readonly details?: unknown;

  constructor(
    code: string,
    message: string,
    status: number,
    extra: { fieldErrors?: FieldErrors; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.fieldErrors = extra.fieldErrors;
    this.details = extra.details;
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message = "Non trovato") {
    super(code, message, 404);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "Accesso richiesto") {
    super("unauthenticated", message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Non hai i permessi per questa operazione") {
    super("forbidden", message, 403);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, 409, { details });
  }
}

export class InvalidError extends DomainError {
  constructor(code: string, message: string, fieldErrors?: FieldErrors) {
    super(code, message, 422, { fieldErrors });
  }
}

export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super("rate_limited", message, 429);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class UnavailableError extends DomainError {
  constructor(code: string, message: string, cause?: unknown) {
    super(code, message, 503, { cause });
  }
}
