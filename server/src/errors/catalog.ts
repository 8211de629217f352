// Where errors are made: by reason (reasons.ts names and documents each), with the shapes that
// recur given names of their own. Nothing else constructs an ApiError.
import { ApiError, type ErrorDetail } from './api-error.js';
import type { Reason } from './reasons.js';

export function apiError(reason: Reason, message: string, details: ErrorDetail[] = []): ApiError {
  return new ApiError(reason, message, details);
}

/** One message for every authentication failure, so a caller cannot tell which check failed. */
export function unauthorized(): ApiError {
  return apiError('unauthorized', 'Missing or invalid API key');
}

export function notFound(what: string): ApiError {
  return apiError('not_found', `${what} not found`);
}

export function invalidRequest(message: string, details: ErrorDetail[] = []): ApiError {
  return apiError('invalid_request', message, details);
}

export function validationFailed(details: ErrorDetail[]): ApiError {
  return apiError('validation_failed', 'Validation failed', details);
}

export function invalidCursor(): ApiError {
  return apiError('invalid_cursor', 'Invalid pagination cursor', [{ field: 'cursor', message: 'Not a cursor issued for this list' }]);
}
