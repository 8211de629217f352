// Every error the API answers with has a stable `reason`: the name clients branch on, documented in
// the OpenAPI document (the Error schema's enum) with the description given here. A reason is never
// renamed; its message text may be reworded.

export interface ReasonInfo {
  status: 400 | 401 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  description: string;
}

export const REASONS = {
  invalid_request: { status: 400, description: 'Malformed JSON, a missing or malformed field, path parameter or query parameter' },
  invalid_cursor: { status: 400, description: 'The `cursor` was not issued for this list, or was tampered with' },
  unauthorized: { status: 401, description: 'Missing, malformed, unknown, revoked or expired API key' },
  not_signed_in: { status: 401, description: 'Dashboard: no session, or the session has ended' },
  invalid_credentials: { status: 401, description: 'Dashboard sign-in: wrong email or password' },
  insufficient_scope: { status: 403, description: "The API key's scopes do not allow this operation" },
  region_forbidden: { status: 403, description: 'The API key may not act in this region' },
  scope_escalation: { status: 403, description: 'A key cannot grant scopes or regions it does not hold' },
  cross_site_refused: { status: 403, description: 'Dashboard: a cross-origin request, or a missing or invalid CSRF token' },
  not_found: { status: 404, description: 'No such resource in this account' },
  route_not_found: { status: 404, description: 'No such endpoint' },
  method_not_allowed: { status: 405, description: 'The endpoint exists but not with this method (see `Allow`)' },
  request_timeout: { status: 408, description: 'The request did not arrive in time' },
  name_taken: { status: 409, description: 'The name (or key) is already in use where it must be unique' },
  resource_busy: { status: 409, description: 'Another action is running on the resource; retry when it completes' },
  already_in_state: { status: 409, description: 'The resource is already in the requested state' },
  invalid_state: { status: 409, description: 'The operation cannot start from the resource\'s current status' },
  has_dependents: { status: 409, description: 'Other resources still depend on this one; remove or detach them first' },
  public_ip_taken: { status: 409, description: 'The instance already has a reserved IP; unassign it first' },
  delete_protected: { status: 409, description: 'The resource has delete protection turned on' },
  public_image: { status: 409, description: 'OS images belong to the catalog: they cannot be deleted' },
  rebuild_protected: { status: 409, description: 'The resource has rebuild protection turned on' },
  idempotency_in_flight: { status: 409, description: 'A request with this Idempotency-Key is still in progress' },
  payload_too_large: { status: 413, description: 'The request body is over the limit' },
  unsupported_media_type: { status: 415, description: 'The request body is not application/json' },
  validation_failed: { status: 422, description: 'Semantic validation failed: unknown region, plan, image, reference…' },
  pool_exhausted: { status: 422, description: 'The operator\'s public IP pool has no free address left' },
  invalid_source: { status: 422, description: "A function's source is not a valid zip archive, holds a path outside its folder, or unpacks beyond 10 MiB" },
  quota_exceeded: { status: 422, description: "The account's quota does not allow it" },
  unsafe_layer_entry: { status: 422, description: 'A container image layer has an entry that would land outside the rootfs (`..`, an absolute path, a symlink climbing out, a write through a symlink) or a device node; the message names the entry' },
  digest_mismatch: { status: 422, description: "A container image blob's sha256 is not the digest its manifest gives; the message names the blob" },
  invalid_image_archive: { status: 422, description: 'The upload is not an OCI image layout or a docker save archive (tar), or a part of it is missing or unreadable' },
  idempotency_key_reused: { status: 422, description: 'The Idempotency-Key was used with another request body' },
  rate_limited: { status: 429, description: 'Rate limit exceeded; retry after `Retry-After` seconds' },
  concurrency_limited: { status: 429, description: "Too many invocations running at once, for the function or the account's tier; retry after `Retry-After` seconds" },
  sign_in_locked: { status: 429, description: 'Dashboard: too many failed sign-ins for this email' },
  internal: { status: 500, description: 'A fault on our side; the request id helps us find it' },
  unavailable: { status: 503, description: 'The server is not ready, or a part of it is not built' },
} as const satisfies Record<string, ReasonInfo>;

export type Reason = keyof typeof REASONS;
export const REASON_NAMES = Object.keys(REASONS) as Reason[];
