# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Regions, plans and database engines: read-only catalogs, each with list and retrieve (images are in
`images.py`: custom ones join the OS catalog there)."""

from __future__ import annotations

from typing import Optional

from ..._generated.models import (
    DatabaseEngine,
    DatabaseEngineList,
    Plan,
    PlanList,
    Region,
    RegionList,
)
from ..pagination import SyncPager
from ._base import SyncResource


class SyncRegions(SyncResource):
    def list(self, *, limit: Optional[int] = None) -> SyncPager[Region]:
        """Every region, fetched `limit` per request as you iterate."""
        return SyncPager(lambda cursor: self.list_page(limit=limit, cursor=cursor))

    def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> RegionList:
        return self._transport.op("listRegions", model=RegionList, query={"limit": limit, "cursor": cursor})

    def retrieve(self, id: str) -> Region:
        return self._transport.op("getRegion", model=Region, path={"id": id})


class SyncPlans(SyncResource):
    def list(self, *, limit: Optional[int] = None) -> SyncPager[Plan]:
        return SyncPager(lambda cursor: self.list_page(limit=limit, cursor=cursor))

    def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> PlanList:
        return self._transport.op("listPlans", model=PlanList, query={"limit": limit, "cursor": cursor})

    def retrieve(self, id: str) -> Plan:
        return self._transport.op("getPlan", model=Plan, path={"id": id})


class SyncDatabaseEngines(SyncResource):
    def list(self, *, limit: Optional[int] = None) -> SyncPager[DatabaseEngine]:
        return SyncPager(lambda cursor: self.list_page(limit=limit, cursor=cursor))

    def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> DatabaseEngineList:
        query = {"limit": limit, "cursor": cursor}
        return self._transport.op("listDatabaseEngines", model=DatabaseEngineList, query=query)

    def retrieve(self, id: str) -> DatabaseEngine:
        return self._transport.op("getDatabaseEngine", model=DatabaseEngine, path={"id": id})
