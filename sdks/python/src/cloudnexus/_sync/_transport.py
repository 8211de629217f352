# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Sends API operations with retries: backoff with jitter, Retry-After, one Idempotency-Key for every attempt."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Optional, overload

import httpx

from .._config import ClientOptions
from .._request import (
    ModelT,
    Query,
    RawBody,
    RequestSpec,
    build_request,
    default_headers,
    idempotency_key_for,
    operation_spec,
    parse,
    transport_error,
)
from .._retry import RETRYABLE_STATUSES, retry_delay
from ..errors import APIError, error_from_response


class SyncTransport:
    def __init__(self, options: ClientOptions) -> None:
        self._max_retries = options.max_retries
        self._http = httpx.Client(
            base_url=options.base_url + "/",
            headers=default_headers(options),
            timeout=options.timeout,
            verify=options.verify,
        )

    @overload
    def op(
        self,
        operation_id: str,
        *,
        model: type[ModelT],
        path: Optional[Mapping[str, str]] = None,
        query: Optional[Query] = None,
        json: Optional[Mapping[str, object]] = None,
        idempotency_key: Optional[str] = None,
        raw: Optional[RawBody] = None,
    ) -> ModelT: ...

    @overload
    def op(
        self,
        operation_id: str,
        *,
        model: None = None,
        path: Optional[Mapping[str, str]] = None,
        query: Optional[Query] = None,
        json: Optional[Mapping[str, object]] = None,
        idempotency_key: Optional[str] = None,
        raw: Optional[RawBody] = None,
    ) -> None: ...

    def op(
        self,
        operation_id: str,
        *,
        model: Optional[type[ModelT]] = None,
        path: Optional[Mapping[str, str]] = None,
        query: Optional[Query] = None,
        json: Optional[Mapping[str, object]] = None,
        idempotency_key: Optional[str] = None,
        raw: Optional[RawBody] = None,
    ) -> Optional[ModelT]:
        """Calls the operation `operation_id` (its method and path from the generated operations table) and
        parses the answer into `model`; without a model the answer's body is ignored (e.g. 204)."""
        spec = operation_spec(operation_id, path=path, query=query, json=json, idempotency_key=idempotency_key, raw=raw)
        response = self.send(spec)
        return parse(response, model) if model is not None else None

    def send(self, spec: RequestSpec) -> httpx.Response:
        """The first 2xx response; raises the APIError of the last failure once retries are spent."""
        idempotency_key = idempotency_key_for(spec)
        retries_done = 0
        while True:
            headers: Optional[httpx.Headers] = None
            try:
                response = self._http.send(build_request(self._http, spec, idempotency_key))
            except httpx.TransportError as exc:
                error: APIError = transport_error(exc)
            else:
                if response.is_success:
                    return response
                error, headers = error_from_response(response), response.headers
                if response.status_code not in RETRYABLE_STATUSES:
                    raise error
            delay = retry_delay(retries_done, self._max_retries, headers)
            if delay is None:
                raise error
            time.sleep(delay)
            retries_done += 1

    def close(self) -> None:
        self._http.close()
