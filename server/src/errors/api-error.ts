// The one error type the API answers with, and its envelope. Errors are made in catalog.ts;
// the error handler renders them.
import { REASONS, type Reason } from './reasons.js';

export interface ErrorDetail {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: (typeof REASONS)[Reason]['status'];

  constructor(
    readonly reason: Reason,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = REASONS[reason].status;
  }
}

export interface ErrorEnvelope {
  error: { code: number; reason: Reason; message: string; details: ErrorDetail[]; request_id: string };
}

export function envelope(reason: Reason, message: string, details: ErrorDetail[], requestId: string): ErrorEnvelope {
  return { error: { code: REASONS[reason].status, reason, message, details, request_id: requestId } };
}
