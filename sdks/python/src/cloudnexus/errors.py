"""Every error the SDK raises: one class per HTTP status, plus connection, timeout and action failures."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Optional

import httpx

from ._generated.models import ErrorDetail
from ._retry import parse_retry_after

if TYPE_CHECKING:
    from ._generated.models import Action

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "ActionFailedError",
    "AuthenticationError",
    "BadRequestError",
    "CloudNexusError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "WaitTimeoutError",
]


class CloudNexusError(Exception):
    """Root of every SDK error, so `except CloudNexusError` catches them all (including bad configuration)."""


class APIError(CloudNexusError):
    """A request that did not succeed. `status` is None when no HTTP response arrived. `reason` is the stable
    machine-readable cause from the error envelope (e.g. `not_found`, `quota_exceeded`); match on it, not on
    `message`. It is None when no envelope arrived."""

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        reason: Optional[str] = None,
        details: Optional[list[ErrorDetail]] = None,
        request_id: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        body: object = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.reason = reason
        self.details: list[ErrorDetail] = details or []
        self.request_id = request_id
        self.headers: Mapping[str, str] = headers if headers is not None else httpx.Headers()
        self.body = body

    def __str__(self) -> str:
        parts = [f"{self.status} {self.message}" if self.status else self.message]
        parts.extend(f"{d.field}: {d.message}" for d in self.details)
        if self.request_id:
            parts.append(f"request_id={self.request_id}")
        return "; ".join(parts)


class BadRequestError(APIError):
    """400: malformed JSON, missing fields, bad query parameters."""


class AuthenticationError(APIError):
    """401: missing, malformed, unknown, revoked or expired API key."""


class PermissionDeniedError(APIError):
    """403: the key lacks the scope or region."""


class NotFoundError(APIError):
    """404: unknown id or route (another account's resource is also 404)."""


class ConflictError(APIError):
    """409: duplicate, already in the requested state, or busy."""


class UnprocessableEntityError(APIError):
    """422: semantic validation, e.g. unknown region or quota exceeded."""


class RateLimitError(APIError):
    """429: the account's per-minute budget is spent; see `retry_after`."""

    @property
    def retry_after(self) -> Optional[float]:
        """Seconds the server asked us to wait, from the Retry-After header."""
        return parse_retry_after(self.headers)


class InternalServerError(APIError):
    """Any status of 500 or more."""


class APIConnectionError(APIError):
    """No response: the connection failed (DNS, refused, TLS verification...)."""


class APITimeoutError(APIConnectionError):
    """No response within the client's timeout."""


class ActionFailedError(CloudNexusError):
    """An action we waited for ended `errored`; `action.error` says why."""

    def __init__(self, action: Action) -> None:
        super().__init__(f"action {action.id} ({action.type}) errored: {action.error}")
        self.action = action


class WaitTimeoutError(CloudNexusError):
    """An action was still in progress when the wait timeout ran out; `action` is its last known state."""

    def __init__(self, action: Action, timeout: float) -> None:
        super().__init__(f"action {action.id} ({action.type}) still {action.status} after {timeout:g}s")
        self.action = action
        self.timeout = timeout


_ERROR_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class_for(status: int) -> type[APIError]:
    if status >= 500:
        return InternalServerError
    return _ERROR_BY_STATUS.get(status, APIError)


def error_from_response(response: httpx.Response) -> APIError:
    """Build the error for a non-2xx response, reading the `{"error": {...}}` envelope when present."""
    try:
        body: object = response.json()
    except ValueError:
        body = response.text
    envelope = body.get("error") if isinstance(body, dict) else None
    if isinstance(envelope, dict):
        message = str(envelope.get("message") or response.reason_phrase)
        raw_details = envelope.get("details") or []
        details = [ErrorDetail.model_validate(d) for d in raw_details if isinstance(d, dict)]
        request_id = envelope.get("request_id") or response.headers.get("x-request-id")
        reason = envelope.get("reason") if isinstance(envelope.get("reason"), str) else None
    else:
        message = response.reason_phrase or f"HTTP {response.status_code}"
        details = []
        request_id = response.headers.get("x-request-id")
        reason = None
    return error_class_for(response.status_code)(
        message,
        status=response.status_code,
        reason=reason,
        details=details,
        request_id=request_id,
        headers=response.headers,
        body=body,
    )
