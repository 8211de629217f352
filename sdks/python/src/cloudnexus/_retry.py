"""When to retry a request and how long to wait first. Pure functions, shared by the sync and async clients."""

from __future__ import annotations

import random
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from time import time
from typing import Optional

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
# A Retry-After longer than this is not slept through inside a call: the error goes to the caller instead.
MAX_RETRY_AFTER = 60.0


def parse_retry_after(headers: Mapping[str, str]) -> Optional[float]:
    """Seconds from a Retry-After header, given either as seconds or as an HTTP date; None if absent or bad."""
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        retry_at: float = parsedate_to_datetime(value).timestamp()
        return max(0.0, retry_at - time())
    except (TypeError, ValueError):
        return None


def backoff_delay(retries_done: int) -> float:
    """Exponential backoff (0.5 s doubling, capped at 8 s) with up to 25% jitter so clients don't retry in step."""
    delay = min(INITIAL_DELAY * 2.0**retries_done, MAX_DELAY)
    return delay * (1 - 0.25 * random.random())


def retry_delay(retries_done: int, max_retries: int, headers: Optional[Mapping[str, str]]) -> Optional[float]:
    """How long to wait before the next attempt, or None when the call must not be retried again."""
    if retries_done >= max_retries:
        return None
    retry_after = parse_retry_after(headers) if headers is not None else None
    if retry_after is None:
        return backoff_delay(retries_done)
    if retry_after > MAX_RETRY_AFTER:
        return None
    return retry_after
