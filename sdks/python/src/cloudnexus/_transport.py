"""Sends requests with retries (sync and async twins): backoff with jitter, Retry-After, one Idempotency-Key."""

from __future__ import annotations

import asyncio
import time
from typing import Optional

import httpx

from ._config import ClientOptions
from ._request import (
    ModelT,
    RequestSpec,
    build_request,
    default_headers,
    idempotency_key_for,
    parse,
    transport_error,
)
from ._retry import RETRYABLE_STATUSES, retry_delay
from .errors import APIError, error_from_response


class SyncTransport:
    def __init__(self, options: ClientOptions) -> None:
        self._max_retries = options.max_retries
        self._http = httpx.Client(
            base_url=options.base_url + "/",
            headers=default_headers(options),
            timeout=options.timeout,
            verify=options.verify,
        )

    def request(self, spec: RequestSpec, model: type[ModelT]) -> ModelT:
        return parse(self.send(spec), model)

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


class AsyncTransport:
    def __init__(self, options: ClientOptions) -> None:
        self._max_retries = options.max_retries
        self._http = httpx.AsyncClient(
            base_url=options.base_url + "/",
            headers=default_headers(options),
            timeout=options.timeout,
            verify=options.verify,
        )

    async def request(self, spec: RequestSpec, model: type[ModelT]) -> ModelT:
        return parse(await self.send(spec), model)

    async def send(self, spec: RequestSpec) -> httpx.Response:
        """The first 2xx response; raises the APIError of the last failure once retries are spent."""
        idempotency_key = idempotency_key_for(spec)
        retries_done = 0
        while True:
            headers: Optional[httpx.Headers] = None
            try:
                response = await self._http.send(build_request(self._http, spec, idempotency_key))
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
            await asyncio.sleep(delay)
            retries_done += 1

    async def close(self) -> None:
        await self._http.aclose()
