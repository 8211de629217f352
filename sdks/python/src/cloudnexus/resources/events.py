"""Events: list (newest first, filtered by type, resource and time) and retrieve."""

from __future__ import annotations

from typing import Optional

from .._request import path_segment
from ..pagination import AsyncPager, SyncPager
from ..types.common import Page
from ..types.events import Event
from ._base import AsyncResource, Query, SyncResource

PATH = "/events"


def _query(
    type: Optional[str], resource_id: Optional[str], since: Optional[str], until: Optional[str], limit: Optional[int]
) -> Query:
    return {"type": type, "resource_id": resource_id, "since": since, "until": until, "limit": limit}


class Events(SyncResource):
    def list(
        self,
        *,
        type: Optional[str] = None,
        resource_id: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> SyncPager[Event]:
        """Every matching event, newest first. `type` is exact (`instance.created`) or a prefix (`instance.*`);
        `since`/`until` are RFC 3339 times."""
        return self._pager(PATH, Event, _query(type, resource_id, since, until, limit))

    def list_page(
        self,
        *,
        type: Optional[str] = None,
        resource_id: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Event]:
        return self._page(PATH, Event, _query(type, resource_id, since, until, limit), cursor)

    def retrieve(self, id: str) -> Event:
        return self._get(f"{PATH}/{path_segment(id)}", Event)


class AsyncEvents(AsyncResource):
    def list(
        self,
        *,
        type: Optional[str] = None,
        resource_id: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> AsyncPager[Event]:
        return self._pager(PATH, Event, _query(type, resource_id, since, until, limit))

    async def list_page(
        self,
        *,
        type: Optional[str] = None,
        resource_id: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Event]:
        return await self._page(PATH, Event, _query(type, resource_id, since, until, limit), cursor)

    async def retrieve(self, id: str) -> Event:
        return await self._get(f"{PATH}/{path_segment(id)}", Event)
