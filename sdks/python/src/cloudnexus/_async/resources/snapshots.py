"""Volume snapshots: list, retrieve, delete. Take one with `volumes.snapshot`; restore one into a new volume
with `volumes.create(name=..., snapshot_id=...)`."""

from __future__ import annotations

from typing import Literal, Optional, Union, overload

from ..._generated.models import Action, Snapshot, SnapshotDeleteAccepted, SnapshotList
from ..pagination import AsyncPager
from ._base import AsyncOperatingResource

OperationResult = Union[SnapshotDeleteAccepted, Action]


class AsyncSnapshots(AsyncOperatingResource):
    def list(
        self, *, volume_id: Optional[str] = None, region: Optional[str] = None, limit: Optional[int] = None
    ) -> AsyncPager[Snapshot]:
        return AsyncPager(lambda cursor: self.list_page(volume_id=volume_id, region=region, limit=limit, cursor=cursor))

    async def list_page(
        self,
        *,
        volume_id: Optional[str] = None,
        region: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> SnapshotList:
        return await self._transport.op(
            "listSnapshots",
            model=SnapshotList,
            query={"volume_id": volume_id, "region": region, "limit": limit, "cursor": cursor},
        )

    async def retrieve(self, id: str) -> Snapshot:
        return await self._transport.op("getSnapshot", model=Snapshot, path={"id": id})

    async def update(self, id: str, *, name: str) -> Snapshot:
        """Renames the snapshot (names may repeat)."""
        return await self._transport.op("patchSnapshot", model=Snapshot, path={"id": id}, json={"name": name})

    @overload
    async def delete(self, id: str, *, wait: Literal[False] = False) -> SnapshotDeleteAccepted: ...

    @overload
    async def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    async def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        accepted = await self._transport.op("deleteSnapshot", model=SnapshotDeleteAccepted, path={"id": id})
        return await self._finish(accepted, wait)
