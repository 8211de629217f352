"""Actions: list, retrieve, and wait for one to finish."""

from __future__ import annotations

import asyncio
from time import monotonic
from typing import Optional

from ..._generated.models import Action, ActionList, ListActionsStatus
from ..._waiting import is_done, poll_delays
from ...errors import CloudNexusError, WaitTimeoutError
from .._transport import AsyncTransport
from ..pagination import AsyncPager


class AsyncActions:
    def __init__(self, transport: AsyncTransport, wait_timeout: float) -> None:
        self._transport = transport
        self._wait_timeout = wait_timeout

    def list(
        self,
        *,
        resource_id: Optional[str] = None,
        status: Optional[ListActionsStatus] = None,
        limit: Optional[int] = None,
    ) -> AsyncPager[Action]:
        return AsyncPager(
            lambda cursor: self.list_page(resource_id=resource_id, status=status, limit=limit, cursor=cursor)
        )

    async def list_page(
        self,
        *,
        resource_id: Optional[str] = None,
        status: Optional[ListActionsStatus] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> ActionList:
        return await self._transport.op(
            "listActions",
            model=ActionList,
            query={"resource_id": resource_id, "status": status, "limit": limit, "cursor": cursor},
        )

    async def retrieve(self, id: str) -> Action:
        return await self._transport.op("getAction", model=Action, path={"id": id})

    async def wait_for(self, id: str, *, timeout: Optional[float] = None) -> Action:
        """Polls until the action completes (returned), errors (ActionFailedError) or `timeout` passes
        (WaitTimeoutError); `timeout` defaults to the client's `wait_timeout`."""
        limit = self._wait_timeout if timeout is None else timeout
        deadline = monotonic() + limit
        for delay in poll_delays():
            action = await self.retrieve(id)
            if is_done(action):
                return action
            remaining = deadline - monotonic()
            if remaining <= 0:
                raise WaitTimeoutError(action, limit)
            await asyncio.sleep(min(delay, remaining))
        raise AssertionError("poll_delays never ends")

    async def wait_for_create(self, resource_id: str) -> Action:
        """Waits for the action that provisions a new resource, which its 201 answer does not name."""
        async for action in self.list(resource_id=resource_id):
            if action.type == "create":
                return await self.wait_for(action.id)
        raise CloudNexusError(f"{resource_id} has no create action to wait for")
