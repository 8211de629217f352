import { randomUUID } from 'node:crypto';
import { VERSION } from '../version.js';
import type { RequestOptions, ResolvedConfig } from './config.js';
import { APIConnectionError, APIError, APITimeoutError } from './errors.js';
import { operations, type OperationId, type OperationResponses } from '../generated/operations.js';
import { fillPath } from './path.js';
import { isRetryableStatus, retryDelayMs, sleep } from './retry.js';
import { dispatcherTrusting, type Dispatcher } from './tls.js';

/** What one operation is sent with, besides the method and path its operationId gives. */
export interface OpParams {
  /** The values of the path template's `{name}` placeholders. */
  path?: Record<string, string>;
  /** Query parameters; undefined and null values are left out. */
  query?: object;
  body?: unknown;
  /** A body that is not JSON (an upload), sent as it is with its media type. */
  raw?: RawBody;
}

export interface RawBody {
  /** A Blob (`fs.openAsBlob(path)` reads a file as it sends) or bytes; either can be sent again on a retry. */
  data: Blob | Uint8Array;
  contentType: string;
}

interface RequestSpec {
  method: string;
  /** Relative to the base URL, starting with a slash: `/instances/inst_1/restart`. */
  path: string;
  query?: object;
  body?: unknown;
  raw?: RawBody;
}

/** Sends requests: authentication, timeouts, retries with backoff, idempotency keys, error mapping. */
export class Transport {
  private dispatcher: Promise<Dispatcher> | undefined;

  constructor(private readonly config: ResolvedConfig) {}

  /**
   * Sends one operation of spec/openapi.json. Its method and path come from the generated
   * operations table, never from the caller, so a method cannot send its request to another route.
   */
  op<K extends OperationId>(operationId: K, params: OpParams = {}, options?: RequestOptions): Promise<OperationResponses[K]> {
    const { method, path } = operations[operationId];
    return this.request({ method, path: fillPath(path, params.path), query: params.query, body: params.body, raw: params.raw }, options);
  }

  private async request<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<T> {
    const maxRetries = options.maxRetries ?? this.config.maxRetries;
    const headers = this.headers(spec, options);
    const url = this.url(spec);
    for (let retry = 0; ; retry++) {
      let failure: APIError;
      try {
        const { response, body } = await this.attempt(url, spec, headers, options);
        if (response.ok) return body as T;
        failure = APIError.fromResponse(response.status, response.headers, body);
        if (!isRetryableStatus(response.status)) throw failure;
      } catch (error) {
        if (!(error instanceof APIConnectionError)) throw error;
        failure = error;
      }
      if (retry >= maxRetries) throw failure;
      await sleep(retryDelayMs(retry, failure.headers), options.signal);
    }
  }

  /** One try: the response with its parsed body, or a connection / timeout error. */
  private async attempt(url: string, spec: RequestSpec, headers: Headers, options: RequestOptions) {
    const timeout = options.timeout ?? this.config.timeout;
    const timeoutSignal = AbortSignal.timeout(timeout);
    const signal = options.signal ? AbortSignal.any([options.signal, timeoutSignal]) : timeoutSignal;
    const init: RequestInit = {
      method: spec.method,
      headers,
      body: spec.raw ? (spec.raw.data as NonNullable<RequestInit['body']>) : spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal,
      dispatcher: await this.trustedDispatcher(),
    };
    try {
      const response = await fetch(url, init);
      return { response, body: await readBody(response) };
    } catch (error) {
      if (error instanceof APIError) throw error;
      // A caller's own abort is not a failure to retry: hand back exactly what they aborted with.
      if (options.signal?.aborted) throw options.signal.reason;
      if (timeoutSignal.aborted) throw new APITimeoutError(`Request timed out after ${timeout} ms`, error);
      throw new APIConnectionError(connectionMessage(error), error);
    }
  }

  private trustedDispatcher(): Promise<Dispatcher> | undefined {
    if (this.config.ca === undefined) return undefined;
    this.dispatcher ??= dispatcherTrusting(this.config.ca);
    return this.dispatcher;
  }

  private headers(spec: RequestSpec, options: RequestOptions): Headers {
    const headers = new Headers({
      Authorization: `Bearer ${this.config.apiKey}`,
      Accept: 'application/json',
      'User-Agent': `cloudnexus-typescript/${VERSION}`,
    });
    if (spec.body !== undefined) headers.set('Content-Type', 'application/json');
    if (spec.raw) headers.set('Content-Type', spec.raw.contentType);
    // One key per call, reused by its retries, so a retried create cannot create twice.
    if (spec.method === 'POST') headers.set('Idempotency-Key', options.idempotencyKey ?? randomUUID());
    return headers;
  }

  private url(spec: RequestSpec): string {
    const url = new URL(this.config.baseURL + spec.path);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (response.ok) throw new APIError(response.status, 'The server answered with a body that is not JSON', { headers: response.headers });
    return undefined;
  }
}

function connectionMessage(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  return cause ? `Connection error: ${cause}` : 'Connection error';
}
