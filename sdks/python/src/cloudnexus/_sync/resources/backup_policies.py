# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Backup policies: snapshot volumes (by id or label selector) on a schedule, keeping the newest few."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from ..._generated.models import BackupPolicy, BackupPolicyList
from ..._request import without_none
from ..pagination import SyncPager
from ._base import SyncResource


class SyncBackupPolicies(SyncResource):
    def list(self, *, limit: Optional[int] = None) -> SyncPager[BackupPolicy]:
        return SyncPager(lambda cursor: self.list_page(limit=limit, cursor=cursor))

    def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> BackupPolicyList:
        return self._transport.op(
            "listBackupPolicies", model=BackupPolicyList, query={"limit": limit, "cursor": cursor}
        )

    def create(
        self,
        *,
        name: str,
        schedule: str,
        retention_count: int,
        volume_ids: Optional[Sequence[str]] = None,
        label_selector: Optional[str] = None,
        enabled: Optional[bool] = None,
        idempotency_key: Optional[str] = None,
    ) -> BackupPolicy:
        """A policy snapshotting `volume_ids` and/or the volumes matching `label_selector` on `schedule`
        (`hourly`, `daily@HH:MM` or `weekly@<day>@HH:MM`, UTC), keeping the newest `retention_count`."""
        body = without_none(
            {
                "name": name,
                "schedule": schedule,
                "retention_count": retention_count,
                "volume_ids": list(volume_ids) if volume_ids is not None else None,
                "label_selector": label_selector,
                "enabled": enabled,
            }
        )
        return self._transport.op("createBackupPolicy", model=BackupPolicy, json=body, idempotency_key=idempotency_key)

    def retrieve(self, id: str) -> BackupPolicy:
        return self._transport.op("getBackupPolicy", model=BackupPolicy, path={"id": id})

    def patch(self, id: str, *, name: str) -> BackupPolicy:
        """Renames the policy, where `update` changes its schedule and targets."""
        return self._transport.op("patchBackupPolicy", model=BackupPolicy, path={"id": id}, json={"name": name})

    def update(
        self,
        id: str,
        *,
        name: Optional[str] = None,
        schedule: Optional[str] = None,
        retention_count: Optional[int] = None,
        volume_ids: Optional[Sequence[str]] = None,
        label_selector: Optional[str] = None,
        enabled: Optional[bool] = None,
    ) -> BackupPolicy:
        """Changes the given fields; the others keep their value."""
        body = without_none(
            {
                "name": name,
                "schedule": schedule,
                "retention_count": retention_count,
                "volume_ids": list(volume_ids) if volume_ids is not None else None,
                "label_selector": label_selector,
                "enabled": enabled,
            }
        )
        return self._transport.op("updateBackupPolicy", model=BackupPolicy, path={"id": id}, json=body)

    def delete(self, id: str) -> None:
        """Deletes the policy; the snapshots it took stay."""
        self._transport.op("deleteBackupPolicy", path={"id": id})
