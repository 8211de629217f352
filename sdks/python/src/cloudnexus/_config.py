"""Client options: explicit arguments first, then CLOUDNEXUS_* environment variables, then defaults."""

from __future__ import annotations

import os
import ssl
from dataclasses import dataclass
from typing import Optional, Union

from .errors import CloudNexusError

DEFAULT_BASE_URL = "https://api.cloudnexus.com/v2"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_WAIT_TIMEOUT = 600.0


@dataclass(frozen=True)
class ClientOptions:
    api_key: str
    base_url: str
    verify: Union[ssl.SSLContext, bool]
    timeout: float
    max_retries: int
    wait_timeout: float


def resolve_options(
    *,
    api_key: Optional[str],
    base_url: Optional[str],
    ca_file: Optional[str],
    timeout: float,
    max_retries: int,
    wait_timeout: float,
) -> ClientOptions:
    key = api_key or os.environ.get("CLOUDNEXUS_API_KEY")
    if not key:
        raise CloudNexusError(
            "No API key: pass api_key=... to the client or set the CLOUDNEXUS_API_KEY environment variable"
        )
    if max_retries < 0:
        raise CloudNexusError("max_retries must be 0 or more")
    ca = ca_file or os.environ.get("CLOUDNEXUS_CA_CERT")
    return ClientOptions(
        api_key=key,
        base_url=(base_url or os.environ.get("CLOUDNEXUS_BASE_URL") or DEFAULT_BASE_URL).rstrip("/"),
        verify=_trusting(ca) if ca else True,
        timeout=timeout,
        max_retries=max_retries,
        wait_timeout=wait_timeout,
    )


def _trusting(ca_file: str) -> ssl.SSLContext:
    """The system's trusted CAs plus the given PEM file (e.g. a self-signed server certificate); still verifying."""
    context = ssl.create_default_context()
    try:
        context.load_verify_locations(cafile=ca_file)
    except (OSError, ssl.SSLError) as exc:
        raise CloudNexusError(f"Cannot load CA certificate {ca_file!r}: {exc}") from exc
    return context
