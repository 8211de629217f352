import type { Action, ErrorDetail, ErrorEnvelope } from '../models.js';

/** The stable name of what went wrong (`name_taken`, `has_dependents`, …): match on it, not on the message. */
export type ErrorReason = ErrorEnvelope['error']['reason'];

/** The root of every error this SDK throws, so callers can catch them all at once. */
export class CloudNexusError extends Error {
  override name = 'CloudNexusError';
}

/** A request that failed: the server answered with an error status, or never answered at all. */
export class APIError extends CloudNexusError {
  override name = 'APIError';
  /** The HTTP status; undefined when no response arrived. */
  readonly status: number | undefined;
  /** The envelope's `reason`; undefined when no response (or no envelope) arrived. */
  readonly reason: ErrorReason | undefined;
  readonly details: ErrorDetail[];
  readonly request_id: string | undefined;
  readonly headers: Headers | undefined;
  /** The parsed `error` object of the envelope, when the body had one. */
  readonly error: ErrorEnvelope['error'] | undefined;

  constructor(
    status: number | undefined,
    message: string,
    init: { details?: ErrorDetail[]; request_id?: string; headers?: Headers; error?: ErrorEnvelope['error']; cause?: unknown } = {},
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = status;
    this.reason = init.error?.reason;
    this.details = init.details ?? [];
    this.request_id = init.request_id;
    this.headers = init.headers;
    this.error = init.error;
  }

  /** Builds the class that matches the status from a response's status, headers and parsed body. */
  static fromResponse(status: number, headers: Headers, body: unknown): APIError {
    const envelope = isErrorEnvelope(body) ? body.error : undefined;
    const message = envelope?.message ?? `HTTP ${status}`;
    const init = {
      details: envelope?.details ?? [],
      request_id: envelope?.request_id ?? headers.get('x-request-id') ?? undefined,
      headers,
      error: envelope,
    };
    const ErrorClass = classForStatus(status);
    return new ErrorClass(status, message, init);
  }
}

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

/** No response: DNS, refused or reset connections, TLS failures. */
export class APIConnectionError extends APIError {
  override name = 'APIConnectionError';
  constructor(message = 'Connection error', cause?: unknown) {
    super(undefined, message, { cause });
  }
}

/** The request (or a wait) took longer than its timeout. */
export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError';
  constructor(message = 'Request timed out', cause?: unknown) {
    super(message, cause);
  }
}

/** An action that ended `errored` while the SDK waited for it. */
export class ActionFailedError extends CloudNexusError {
  override name = 'ActionFailedError';
  readonly action: Action;

  constructor(action: Action) {
    super(`Action ${action.id} (${action.type}) errored: ${action.error ?? 'no reason given'}`);
    this.action = action;
  }
}

type APIErrorClass = new (...args: ConstructorParameters<typeof APIError>) => APIError;

const classesByStatus: Record<number, APIErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function classForStatus(status: number): APIErrorClass {
  if (status >= 500) return InternalServerError;
  return classesByStatus[status] ?? APIError;
}

function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}
