"""Actions: list, retrieve, and wait for one to finish."""

from __future__ import annotations

import asyncio
import time
from typing import Optional

from .._request import path_segment
from .._transport import AsyncTransport, SyncTransport
from .._waiting import is_done, poll_delays
from ..errors import WaitTimeoutError
from ..pagination import AsyncPager, SyncPager
from ..types.actions import Action, ActionStatus
from ..types.common import Page
from ._base import AsyncResource, SyncResource

PATH = "/actions"


class Actions(SyncResource):
    def __init__(self, transport: SyncTransport, wait_timeout: float) -> None:
        super().__init__(transport)
        self._wait_timeout = wait_timeout

    def list(
        self, *, resource_id: Optional[str] = None, status: Optional[ActionStatus] = None, limit: Optional[int] = None
    ) -> SyncPager[Action]:
        return self._pager(PATH, Action, {"resource_id": resource_id, "status": status, "limit": limit})

    def list_page(
        self,
        *,
        resource_id: Optional[str] = None,
        status: Optional[ActionStatus] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Action]:
        return self._page(PATH, Action, {"resource_id": resource_id, "status": status, "limit": limit}, cursor)

    def retrieve(self, id: str) -> Action:
        return self._get(f"{PATH}/{path_segment(id)}", Action)

    def wait_for(self, id: str, *, timeout: Optional[float] = None) -> Action:
        """Polls until the action completes (returned), errors (ActionFailedError) or `timeout` passes
        (WaitTimeoutError); `timeout` defaults to the client's `wait_timeout`."""
        limit = self._wait_timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        for delay in poll_delays():
            action = self.retrieve(id)
            if is_done(action):
                return action
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WaitTimeoutError(action, limit)
            time.sleep(min(delay, remaining))
        raise AssertionError("poll_delays never ends")


class AsyncActions(AsyncResource):
    def __init__(self, transport: AsyncTransport, wait_timeout: float) -> None:
        super().__init__(transport)
        self._wait_timeout = wait_timeout

    def list(
        self, *, resource_id: Optional[str] = None, status: Optional[ActionStatus] = None, limit: Optional[int] = None
    ) -> AsyncPager[Action]:
        return self._pager(PATH, Action, {"resource_id": resource_id, "status": status, "limit": limit})

    async def list_page(
        self,
        *,
        resource_id: Optional[str] = None,
        status: Optional[ActionStatus] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Action]:
        return await self._page(PATH, Action, {"resource_id": resource_id, "status": status, "limit": limit}, cursor)

    async def retrieve(self, id: str) -> Action:
        return await self._get(f"{PATH}/{path_segment(id)}", Action)

    async def wait_for(self, id: str, *, timeout: Optional[float] = None) -> Action:
        """Polls until the action completes (returned), errors (ActionFailedError) or `timeout` passes
        (WaitTimeoutError); `timeout` defaults to the client's `wait_timeout`."""
        limit = self._wait_timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        for delay in poll_delays():
            action = await self.retrieve(id)
            if is_done(action):
                return action
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WaitTimeoutError(action, limit)
            await asyncio.sleep(min(delay, remaining))
        raise AssertionError("poll_delays never ends")
