"""What one API call sends and how its answer is read; shared by the sync and async transports."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional, TypeVar, Union
from urllib.parse import quote

import httpx
from pydantic import BaseModel

from ._config import ClientOptions
from ._generated.operations import OPERATIONS
from ._version import __version__
from .errors import APIConnectionError, APIError, APITimeoutError, CloudNexusError

ModelT = TypeVar("ModelT", bound=BaseModel)
QueryValue = Union[str, int, float, bool, datetime, None]
Query = Mapping[str, QueryValue]


@dataclass(frozen=True)
class RequestSpec:
    method: str
    path: str
    params: Optional[Mapping[str, QueryValue]] = None
    body: Optional[Mapping[str, object]] = None
    idempotency_key: Optional[str] = None
    raw: Optional[RawBody] = None


@dataclass(frozen=True)
class RawBody:
    """A body that is not JSON (an upload), sent as it is with its media type."""

    content: bytes
    content_type: str


def operation_spec(
    operation_id: str,
    *,
    path: Optional[Mapping[str, str]] = None,
    query: Optional[Query] = None,
    json: Optional[Mapping[str, object]] = None,
    idempotency_key: Optional[str] = None,
    raw: Optional[RawBody] = None,
) -> RequestSpec:
    """The request of one API operation: method and path template come from the generated operations table,
    so an SDK method names its operation and never spells a path of its own."""
    operation = OPERATIONS.get(operation_id)
    if operation is None:
        raise CloudNexusError(f"Unknown API operation {operation_id!r}")
    if (json is not None or raw is not None) and not operation.has_body:
        raise CloudNexusError(f"{operation_id} takes no request body")
    try:
        filled = operation.path.format_map({name: path_segment(value) for name, value in (path or {}).items()})
    except KeyError as missing:
        raise CloudNexusError(f"{operation_id} needs the path parameter {missing}") from None
    return RequestSpec(operation.method, filled, params=query, body=json, idempotency_key=idempotency_key, raw=raw)


def without_none(values: Mapping[str, object]) -> dict[str, object]:
    """A request body without the fields the caller left out (None means "not given" in SDK signatures),
    its values as JSON data (see `wire`)."""
    return {key: wire(value) for key, value in values.items() if value is not None}


def merge_patch_body(
    *,
    name: Optional[str],
    labels: Optional[Mapping[str, Optional[str]]],
    delete_protection: Optional[bool] = None,
    rebuild_protection: Optional[bool] = None,
) -> dict[str, object]:
    """The JSON merge-patch of a resource's name, labels and protection: only what is given changes, and in
    `labels` a key mapped to None removes that label."""
    protection = without_none({"delete": delete_protection, "rebuild": rebuild_protection})
    return without_none({"name": name, "labels": labels, "protection": protection or None})


def wire(value: object) -> object:
    """A body value as JSON data: generated models (e.g. a `FirewallInboundRule`) become dicts, None fields left
    out, so callers may pass either models or plain mappings."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, Mapping):
        return {key: wire(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [wire(item) for item in value]
    return value


def path_segment(value: str) -> str:
    """An id made safe to place in a path, so an id like '../x' cannot reach another route."""
    return quote(value, safe="")


def default_headers(options: ClientOptions) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {options.api_key}",
        "Accept": "application/json",
        "User-Agent": f"cloudnexus-python/{__version__}",
    }


def idempotency_key_for(spec: RequestSpec) -> Optional[str]:
    """Every POST gets a key, chosen once per call so that all its retries carry the same one."""
    if spec.method != "POST":
        return None
    return spec.idempotency_key or str(uuid.uuid4())


def build_request(
    http: Union[httpx.Client, httpx.AsyncClient], spec: RequestSpec, idempotency_key: Optional[str]
) -> httpx.Request:
    headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
    if spec.raw is not None:
        headers["Content-Type"] = spec.raw.content_type
    return http.build_request(
        spec.method,
        spec.path.lstrip("/"),
        params=_query(spec.params),
        json=dict(spec.body) if spec.body is not None else None,
        content=spec.raw.content if spec.raw is not None else None,
        headers=headers or None,
    )


def _query(params: Optional[Mapping[str, QueryValue]]) -> dict[str, str]:
    """Drops unset filters and writes values the way the API reads them (lowercase booleans, UTC times)."""
    query: dict[str, str] = {}
    for name, value in (params or {}).items():
        if value is None:
            continue
        if isinstance(value, bool):
            query[name] = "true" if value else "false"
        elif isinstance(value, datetime):
            query[name] = utc_timestamp(value)
        else:
            query[name] = str(value)
    return query


def utc_timestamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("datetime query values must be timezone-aware")
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def transport_error(exc: httpx.TransportError) -> APIError:
    error: APIError
    if isinstance(exc, httpx.TimeoutException):
        error = APITimeoutError(f"Request timed out: {exc}")
    else:
        error = APIConnectionError(f"Connection error: {exc}")
    # Raised later, outside the `except`, so the httpx cause is attached by hand for tracebacks.
    error.__cause__ = exc
    return error


def parse(response: httpx.Response, model: type[ModelT]) -> ModelT:
    return model.model_validate_json(response.content)
