"""Volumes, snapshots and backup policies against the real server: attach, grow, detach, snapshot, restore."""

from __future__ import annotations

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, ConflictError, NotFoundError, UnprocessableEntityError
from cloudnexus.types import Action, VolumeActionAccepted
from factories import unique_name

REGION = "eu-central-1"


def test_volume_lifecycle_snapshot_and_restore(client: CloudNexus) -> None:
    instance = client.instances.create(
        name=unique_name("vol"), region=REGION, plan="micro", image="debian-12", wait=True
    )
    volume = client.volumes.create(name=unique_name("data"), region=REGION, size_gb=10, wait=True)
    assert volume.id.startswith("vol_") and (volume.status, volume.size_gb) == ("available", 10)

    attached = client.volumes.attach(volume.id, instance_id=instance.id, wait=True)
    assert isinstance(attached, Action) and (attached.type, attached.status) == ("attach", "completed")
    assert client.volumes.retrieve(volume.id).instance_id == instance.id
    assert volume.id in {v.id for v in client.volumes.list(instance_id=instance.id, limit=1)}
    with pytest.raises(ConflictError) as attached_delete:
        client.volumes.delete(volume.id)
    assert attached_delete.value.reason == "has_dependents"

    accepted = client.volumes.resize(volume.id, size_gb=20)
    assert isinstance(accepted, VolumeActionAccepted)
    assert client.actions.wait_for(accepted.action_id).type == "resize"
    with pytest.raises(UnprocessableEntityError) as shrink:
        client.volumes.resize(volume.id, size_gb=5)
    assert shrink.value.reason == "validation_failed"

    assert client.volumes.detach(volume.id, wait=True).type == "detach"
    detached = client.volumes.retrieve(volume.id)
    assert (detached.status, detached.instance_id, detached.size_gb) == ("available", None, 20)

    snapshot = client.volumes.snapshot(volume.id, name=unique_name("snap"), wait=True)
    assert snapshot.id.startswith("snap_") and (snapshot.status, snapshot.size_gb) == ("available", 20)
    assert [s.id for s in client.snapshots.list(volume_id=volume.id, limit=1)] == [snapshot.id]
    assert client.snapshots.retrieve(snapshot.id).volume_id == volume.id

    restored = client.volumes.create(name=unique_name("restored"), snapshot_id=snapshot.id, wait=True)
    assert (restored.snapshot_id, restored.size_gb, restored.region) == (snapshot.id, 20, REGION)

    assert client.volumes.delete(restored.id, wait=True).type == "delete"
    assert client.snapshots.delete(snapshot.id, wait=True).type == "delete"
    assert client.volumes.delete(volume.id, wait=True).type == "delete"
    with pytest.raises(NotFoundError):
        client.snapshots.retrieve(snapshot.id)
    client.instances.delete(instance.id, wait=True)


def test_volume_list_pages_and_validation(client: CloudNexus) -> None:
    label = unique_name("pages")
    # Waited for, so the deletes at the end find them available rather than still creating (a 409).
    created = [
        client.volumes.create(name=unique_name("v"), region=REGION, size_gb=1, labels={"suite": label}, wait=True)
        for _ in range(3)
    ]
    page = client.volumes.list_page(label_selector=f"suite={label}", limit=2)
    assert len(page.data) == 2 and page.pagination.has_more
    assert {v.id for v in client.volumes.list(label_selector=f"suite={label}", limit=1)} == {v.id for v in created}
    with pytest.raises(UnprocessableEntityError) as bad_region:
        client.volumes.create(name=unique_name("v"), region="mars-1", size_gb=1)
    assert bad_region.value.reason == "validation_failed"
    for volume in created:
        client.volumes.delete(volume.id, wait=True)


def test_backup_policy_crud(client: CloudNexus) -> None:
    policies = [
        client.backup_policies.create(
            name=unique_name("nightly"), schedule="0 3 * * *", retention_count=7, label_selector="backup=nightly"
        )
        for _ in range(2)
    ]
    policy = policies[0]
    assert (policy.enabled, policy.retention_count, policy.schedule) == (True, 7, "0 3 * * *")
    assert client.backup_policies.retrieve(policy.id) == policy
    assert {p.id for p in policies} <= {p.id for p in client.backup_policies.list(limit=1)}

    paused = client.backup_policies.update(policy.id, enabled=False, retention_count=3)
    assert (paused.enabled, paused.retention_count, paused.name) == (False, 3, policy.name)

    with pytest.raises(UnprocessableEntityError) as bad_volume:
        client.backup_policies.create(
            name=unique_name("bad"), schedule="0 3 * * *", retention_count=1, volume_ids=["vol_0000000000000000"]
        )
    assert bad_volume.value.reason == "validation_failed"

    for each in policies:
        client.backup_policies.delete(each.id)
    with pytest.raises(NotFoundError) as gone:
        client.backup_policies.retrieve(policy.id)
    assert gone.value.reason == "not_found"


async def test_async_storage(async_client: AsyncCloudNexus) -> None:
    volume = await async_client.volumes.create(name=unique_name("avol"), region=REGION, size_gb=2, wait=True)
    assert volume.status == "available"
    resized = await async_client.volumes.resize(volume.id, size_gb=3, wait=True)
    assert resized.status == "completed"
    snapshot = await async_client.volumes.snapshot(volume.id, name=unique_name("asnap"), wait=True)
    assert snapshot.id in [s.id async for s in async_client.snapshots.list(volume_id=volume.id)]
    assert (await async_client.snapshots.list_page(region=REGION, limit=100)).data
    await async_client.snapshots.delete(snapshot.id, wait=True)
    deleted = await async_client.volumes.delete(volume.id, wait=True)
    assert deleted.type == "delete"
    with pytest.raises(NotFoundError):
        await async_client.volumes.retrieve(volume.id)
