"""Block storage volumes: attach to and detach from instances, grow, snapshot. Restore a snapshot with
`create(snapshot_id=...)`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, Optional, Union, overload

from ..._generated.models import (
    Action,
    CreateVolumeFilesystem,
    ListVolumesAttachmentState,
    Snapshot,
    Volume,
    VolumeActionAccepted,
    VolumeList,
)
from ..._request import merge_patch_body, without_none
from .._transport import AsyncTransport
from ..pagination import AsyncPager
from ._base import AsyncOperatingResource
from .actions import AsyncActions
from .snapshots import AsyncSnapshots

OperationResult = Union[VolumeActionAccepted, Action]


class AsyncVolumes(AsyncOperatingResource):
    def __init__(self, transport: AsyncTransport, actions: AsyncActions, snapshots: AsyncSnapshots) -> None:
        super().__init__(transport, actions)
        self._snapshots = snapshots

    def list(
        self,
        *,
        region: Optional[str] = None,
        attachment_state: Optional[ListVolumesAttachmentState] = None,
        instance_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> AsyncPager[Volume]:
        return AsyncPager(
            lambda cursor: self.list_page(
                region=region,
                attachment_state=attachment_state,
                instance_id=instance_id,
                label_selector=label_selector,
                limit=limit,
                cursor=cursor,
            )
        )

    async def list_page(
        self,
        *,
        region: Optional[str] = None,
        attachment_state: Optional[ListVolumesAttachmentState] = None,
        instance_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> VolumeList:
        return await self._transport.op(
            "listVolumes",
            model=VolumeList,
            query={
                "region": region,
                "attachment_state": attachment_state,
                "instance_id": instance_id,
                "label_selector": label_selector,
                "limit": limit,
                "cursor": cursor,
            },
        )

    async def create(
        self,
        *,
        name: str,
        region: Optional[str] = None,
        size_gb: Optional[int] = None,
        filesystem: Optional[CreateVolumeFilesystem] = None,
        snapshot_id: Optional[str] = None,
        labels: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        wait: bool = False,
    ) -> Volume:
        """A new volume, `creating`; with `wait=True`, re-read once `available`. `region` and `size_gb` are
        required unless `snapshot_id` restores a snapshot (then in its region, at least its size)."""
        body = without_none(
            {
                "name": name,
                "region": region,
                "size_gb": size_gb,
                "filesystem": filesystem,
                "snapshot_id": snapshot_id,
                "labels": labels,
            }
        )
        volume = await self._transport.op("createVolume", model=Volume, json=body, idempotency_key=idempotency_key)
        if not wait:
            return volume
        await self._actions.wait_for_create(volume.id)
        return await self.retrieve(volume.id)

    async def retrieve(self, id: str) -> Volume:
        return await self._transport.op("getVolume", model=Volume, path={"id": id})

    async def update(
        self,
        id: str,
        *,
        name: Optional[str] = None,
        labels: Optional[Mapping[str, Optional[str]]] = None,
        delete_protection: Optional[bool] = None,
        rebuild_protection: Optional[bool] = None,
    ) -> Volume:
        """Renames the volume or changes its labels or protection (a merge-patch: only what is given
        changes; a label mapped to None is removed). A name in use in the region is a ConflictError."""
        body = merge_patch_body(
            name=name, labels=labels, delete_protection=delete_protection, rebuild_protection=rebuild_protection
        )
        return await self._transport.op("patchVolume", model=Volume, path={"id": id}, json=body)

    @overload
    async def delete(self, id: str, *, wait: Literal[False] = False) -> VolumeActionAccepted: ...

    @overload
    async def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    async def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes a detached volume (ConflictError while attached)."""
        accepted = await self._transport.op("deleteVolume", model=VolumeActionAccepted, path={"id": id})
        return await self._finish(accepted, wait)

    @overload
    async def attach(self, id: str, *, instance_id: str, wait: Literal[False] = False) -> VolumeActionAccepted: ...

    @overload
    async def attach(self, id: str, *, instance_id: str, wait: Literal[True]) -> Action: ...

    @overload
    async def attach(self, id: str, *, instance_id: str, wait: bool) -> OperationResult: ...

    async def attach(self, id: str, *, instance_id: str, wait: bool = False) -> OperationResult:
        """Attaches the volume to an instance in its region (status `attached` once done)."""
        accepted = await self._transport.op(
            "attachVolume", model=VolumeActionAccepted, path={"id": id}, json={"instance_id": instance_id}
        )
        return await self._finish(accepted, wait)

    @overload
    async def detach(self, id: str, *, wait: Literal[False] = False) -> VolumeActionAccepted: ...

    @overload
    async def detach(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def detach(self, id: str, *, wait: bool) -> OperationResult: ...

    async def detach(self, id: str, *, wait: bool = False) -> OperationResult:
        """Detaches the volume from its instance (status `available` once done)."""
        accepted = await self._transport.op("detachVolume", model=VolumeActionAccepted, path={"id": id})
        return await self._finish(accepted, wait)

    @overload
    async def resize(self, id: str, *, size_gb: int, wait: Literal[False] = False) -> VolumeActionAccepted: ...

    @overload
    async def resize(self, id: str, *, size_gb: int, wait: Literal[True]) -> Action: ...

    @overload
    async def resize(self, id: str, *, size_gb: int, wait: bool) -> OperationResult: ...

    async def resize(self, id: str, *, size_gb: int, wait: bool = False) -> OperationResult:
        """Grows the volume to `size_gb` (it never shrinks: a smaller size is a 422)."""
        accepted = await self._transport.op(
            "resizeVolume", model=VolumeActionAccepted, path={"id": id}, json={"size_gb": size_gb}
        )
        return await self._finish(accepted, wait)

    async def snapshot(
        self, id: str, *, name: str, idempotency_key: Optional[str] = None, wait: bool = False
    ) -> Snapshot:
        """A new snapshot of the volume, `creating`; with `wait=True`, re-read once `available`."""
        snapshot = await self._transport.op(
            "createSnapshot", model=Snapshot, path={"id": id}, json={"name": name}, idempotency_key=idempotency_key
        )
        if not wait:
            return snapshot
        await self._actions.wait_for_create(snapshot.id)
        return await self._snapshots.retrieve(snapshot.id)
