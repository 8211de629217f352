"""The action waiter's schedule and verdict, shared by the sync and async clients."""

from __future__ import annotations

from collections.abc import Iterator

from ._generated.models import Action
from .errors import ActionFailedError

FIRST_POLL_DELAY = 0.1
POLL_DELAY_GROWTH = 1.5
MAX_POLL_DELAY = 2.0


def poll_delays() -> Iterator[float]:
    """0.1 s, then growing by half up to 2 s: quick actions are seen quickly, slow ones are not polled hard."""
    delay = FIRST_POLL_DELAY
    while True:
        yield delay
        delay = min(delay * POLL_DELAY_GROWTH, MAX_POLL_DELAY)


def is_done(action: Action) -> bool:
    """True once completed; raises ActionFailedError once errored; False while in progress."""
    if action.status == "errored":
        raise ActionFailedError(action)
    return action.status == "completed"
