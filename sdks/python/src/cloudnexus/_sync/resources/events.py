# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Events: list (newest first, filtered by type, resource and time) and retrieve."""

from __future__ import annotations

from typing import Optional

from ..._generated.models import Event, EventList
from ..pagination import SyncPager
from ._base import SyncResource


class SyncEvents(SyncResource):
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
        return SyncPager(
            lambda cursor: self.list_page(
                type=type, resource_id=resource_id, since=since, until=until, limit=limit, cursor=cursor
            )
        )

    def list_page(
        self,
        *,
        type: Optional[str] = None,
        resource_id: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> EventList:
        return self._transport.op(
            "listEvents",
            model=EventList,
            query={
                "type": type,
                "resource_id": resource_id,
                "since": since,
                "until": until,
                "limit": limit,
                "cursor": cursor,
            },
        )

    def retrieve(self, id: str) -> Event:
        return self._transport.op("getEvent", model=Event, path={"id": id})
