# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
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
from .._transport import SyncTransport
from ..pagination import SyncPager
from ._base import SyncOperatingResource
from .actions import SyncActions
from .snapshots import SyncSnapshots

OperationResult = Union[VolumeActionAccepted, Action]


class SyncVolumes(SyncOperatingResource):
    def __init__(self, transport: SyncTransport, actions: SyncActions, snapshots: SyncSnapshots) -> None:
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
    ) -> SyncPager[Volume]:
        return SyncPager(
            lambda cursor: self.list_page(
                region=region,
                attachment_state=attachment_state,
                instance_id=instance_id,
                label_selector=label_selector,
                limit=limit,
                cursor=cursor,
            )
        )

    def list_page(
        self,
        *,
        region: Optional[str] = None,
        attachment_state: Optional[ListVolumesAttachmentState] = None,
        instance_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> VolumeList:
        return self._transport.op(
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

    def create(
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
        volume = self._transport.op("createVolume", model=Volume, json=body, idempotency_key=idempotency_key)
        if not wait:
            return volume
        self._actions.wait_for_create(volume.id)
        return self.retrieve(volume.id)

    def retrieve(self, id: str) -> Volume:
        return self._transport.op("getVolume", model=Volume, path={"id": id})

    def update(
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
        return self._transport.op("patchVolume", model=Volume, path={"id": id}, json=body)

    @overload
    def delete(self, id: str, *, wait: Literal[False] = False) -> VolumeActionAccepted: ...

    @overload
    def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes a detached volume (ConflictError while attached)."""
        accepted = self._transport.op("deleteVolume", model=VolumeActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def attach(self, id: str, *, instance_id: str, wait: Literal[False] = False) -> VolumeActionAccepted: ...

    @overload
    def attach(self, id: str, *, instance_id: str, wait: Literal[True]) -> Action: ...

    @overload
    def attach(self, id: str, *, instance_id: str, wait: bool) -> OperationResult: ...

    def attach(self, id: str, *, instance_id: str, wait: bool = False) -> OperationResult:
        """Attaches the volume to an instance in its region (status `attached` once done)."""
        accepted = self._transport.op(
            "attachVolume", model=VolumeActionAccepted, path={"id": id}, json={"instance_id": instance_id}
        )
        return self._finish(accepted, wait)

    @overload
    def detach(self, id: str, *, wait: Literal[False] = False) -> VolumeActionAccepted: ...

    @overload
    def detach(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def detach(self, id: str, *, wait: bool) -> OperationResult: ...

    def detach(self, id: str, *, wait: bool = False) -> OperationResult:
        """Detaches the volume from its instance (status `available` once done)."""
        accepted = self._transport.op("detachVolume", model=VolumeActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def resize(self, id: str, *, size_gb: int, wait: Literal[False] = False) -> VolumeActionAccepted: ...

    @overload
    def resize(self, id: str, *, size_gb: int, wait: Literal[True]) -> Action: ...

    @overload
    def resize(self, id: str, *, size_gb: int, wait: bool) -> OperationResult: ...

    def resize(self, id: str, *, size_gb: int, wait: bool = False) -> OperationResult:
        """Grows the volume to `size_gb` (it never shrinks: a smaller size is a 422)."""
        accepted = self._transport.op(
            "resizeVolume", model=VolumeActionAccepted, path={"id": id}, json={"size_gb": size_gb}
        )
        return self._finish(accepted, wait)

    def snapshot(self, id: str, *, name: str, idempotency_key: Optional[str] = None, wait: bool = False) -> Snapshot:
        """A new snapshot of the volume, `creating`; with `wait=True`, re-read once `available`."""
        snapshot = self._transport.op(
            "createSnapshot", model=Snapshot, path={"id": id}, json={"name": name}, idempotency_key=idempotency_key
        )
        if not wait:
            return snapshot
        self._actions.wait_for_create(snapshot.id)
        return self._snapshots.retrieve(snapshot.id)
