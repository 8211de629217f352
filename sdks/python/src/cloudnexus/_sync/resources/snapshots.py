# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Volume snapshots: list, retrieve, delete. Take one with `volumes.snapshot`; restore one into a new volume
with `volumes.create(name=..., snapshot_id=...)`."""

from __future__ import annotations

from typing import Literal, Optional, Union, overload

from ..._generated.models import Action, Snapshot, SnapshotDeleteAccepted, SnapshotList
from ..pagination import SyncPager
from ._base import SyncOperatingResource

OperationResult = Union[SnapshotDeleteAccepted, Action]


class SyncSnapshots(SyncOperatingResource):
    def list(
        self, *, volume_id: Optional[str] = None, region: Optional[str] = None, limit: Optional[int] = None
    ) -> SyncPager[Snapshot]:
        return SyncPager(lambda cursor: self.list_page(volume_id=volume_id, region=region, limit=limit, cursor=cursor))

    def list_page(
        self,
        *,
        volume_id: Optional[str] = None,
        region: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> SnapshotList:
        return self._transport.op(
            "listSnapshots",
            model=SnapshotList,
            query={"volume_id": volume_id, "region": region, "limit": limit, "cursor": cursor},
        )

    def retrieve(self, id: str) -> Snapshot:
        return self._transport.op("getSnapshot", model=Snapshot, path={"id": id})

    def update(self, id: str, *, name: str) -> Snapshot:
        """Renames the snapshot (names may repeat)."""
        return self._transport.op("patchSnapshot", model=Snapshot, path={"id": id}, json={"name": name})

    @overload
    def delete(self, id: str, *, wait: Literal[False] = False) -> SnapshotDeleteAccepted: ...

    @overload
    def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        accepted = self._transport.op("deleteSnapshot", model=SnapshotDeleteAccepted, path={"id": id})
        return self._finish(accepted, wait)
