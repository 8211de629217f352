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
from ..pagination import AsyncPager
from ._base import AsyncResource


class AsyncRegions(AsyncResource):
    def list(self, *, limit: Optional[int] = None) -> AsyncPager[Region]:
        """Every region, fetched `limit` per request as you iterate."""
        return AsyncPager(lambda cursor: self.list_page(limit=limit, cursor=cursor))

    async def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> RegionList:
        return await self._transport.op("listRegions", model=RegionList, query={"limit": limit, "cursor": cursor})

    async def retrieve(self, id: str) -> Region:
        return await self._transport.op("getRegion", model=Region, path={"id": id})


class AsyncPlans(AsyncResource):
    def list(self, *, limit: Optional[int] = None) -> AsyncPager[Plan]:
        return AsyncPager(lambda cursor: self.list_page(limit=limit, cursor=cursor))

    async def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> PlanList:
        return await self._transport.op("listPlans", model=PlanList, query={"limit": limit, "cursor": cursor})

    async def retrieve(self, id: str) -> Plan:
        return await self._transport.op("getPlan", model=Plan, path={"id": id})


class AsyncDatabaseEngines(AsyncResource):
    def list(self, *, limit: Optional[int] = None) -> AsyncPager[DatabaseEngine]:
        return AsyncPager(lambda cursor: self.list_page(limit=limit, cursor=cursor))

    async def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> DatabaseEngineList:
        query = {"limit": limit, "cursor": cursor}
        return await self._transport.op("listDatabaseEngines", model=DatabaseEngineList, query=query)

    async def retrieve(self, id: str) -> DatabaseEngine:
        return await self._transport.op("getDatabaseEngine", model=DatabaseEngine, path={"id": id})
