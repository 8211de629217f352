"""What every resource shares: the transport, and for resources with asynchronous operations the waiter."""

from __future__ import annotations

from typing import Protocol, TypeVar, Union

from ..._generated.models import Action
from .._transport import AsyncTransport
from .actions import AsyncActions


class Accepted(Protocol):
    """The 202 answer of an asynchronous operation (every generated `…Accepted` model)."""

    @property
    def action_id(self) -> str: ...


AcceptedT = TypeVar("AcceptedT", bound=Accepted)


class AsyncResource:
    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport


class AsyncOperatingResource(AsyncResource):
    """A resource whose operations run as actions: `wait=True` returns the finished action instead."""

    def __init__(self, transport: AsyncTransport, actions: AsyncActions) -> None:
        super().__init__(transport)
        self._actions = actions

    async def _finish(self, accepted: AcceptedT, wait: bool) -> Union[AcceptedT, Action]:
        return await self._actions.wait_for(accepted.action_id) if wait else accepted
