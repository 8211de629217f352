"""Checks that a webhook delivery came from CloudNexus.

The `CloudNexus-Signature` header is `t=<unix seconds>,v1=<hex>`, where the hex is HMAC-SHA256 of
`<t>.<raw body>` keyed with the webhook's secret. The signed time is checked too, so a captured
delivery cannot be replayed later.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from typing import Optional, Union

from ._generated.models import Event
from .errors import CloudNexusError

__all__ = ["DEFAULT_TOLERANCE", "WebhookVerificationError", "verify"]

DEFAULT_TOLERANCE = 300
"""Seconds a delivery's signed time may differ from now."""

_HEX_SIGNATURE = re.compile(r"^[0-9a-f]{64}$")


class WebhookVerificationError(CloudNexusError):
    """The payload, header and secret do not make a valid, fresh delivery."""


def verify(
    payload: Union[str, bytes],
    header: str,
    secret: str,
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: Optional[int] = None,
) -> Event:
    """Verifies `payload` (the raw body, exactly as received) against the signature header and returns the
    event; raises WebhookVerificationError otherwise. `now` (Unix seconds) defaults to the system clock."""
    body = payload.encode("utf-8") if isinstance(payload, str) else payload
    timestamp, signatures = _parse(header)
    current = int(time.time()) if now is None else now
    if abs(current - timestamp) > tolerance:
        raise WebhookVerificationError(f"The signature's time is more than {tolerance} s from now")
    expected = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    if not any(hmac.compare_digest(expected, given) for given in signatures):
        raise WebhookVerificationError("No signature matches the payload")
    return Event.model_validate_json(body)


def _parse(header: str) -> tuple[int, list[str]]:
    timestamp: Optional[int] = None
    signatures: list[str] = []
    for part in header.split(","):
        name, sep, value = part.strip().partition("=")
        if not sep or "=" in value:
            continue
        if name == "t" and value.isdigit():
            timestamp = int(value)
        elif name == "v1" and _HEX_SIGNATURE.match(value):
            signatures.append(value)
    if timestamp is None:
        raise WebhookVerificationError("The signature header has no timestamp (t=)")
    if not signatures:
        raise WebhookVerificationError("The signature header has no v1 signature")
    return timestamp, signatures
