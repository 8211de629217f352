# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""What every resource shares: the transport, and for resources with asynchronous operations the waiter."""

from __future__ import annotations

from typing import Protocol, TypeVar, Union

from ..._generated.models import Action
from .._transport import SyncTransport
from .actions import SyncActions


class Accepted(Protocol):
    """The 202 answer of an asynchronous operation (every generated `…Accepted` model)."""

    @property
    def action_id(self) -> str: ...


AcceptedT = TypeVar("AcceptedT", bound=Accepted)


class SyncResource:
    def __init__(self, transport: SyncTransport) -> None:
        self._transport = transport


class SyncOperatingResource(SyncResource):
    """A resource whose operations run as actions: `wait=True` returns the finished action instead."""

    def __init__(self, transport: SyncTransport, actions: SyncActions) -> None:
        super().__init__(transport)
        self._actions = actions

    def _finish(self, accepted: AcceptedT, wait: bool) -> Union[AcceptedT, Action]:
        return self._actions.wait_for(accepted.action_id) if wait else accepted
