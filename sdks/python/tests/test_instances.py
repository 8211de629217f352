"""Instances against the real server: the whole lifecycle, filters, metrics and actions, sync and async."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, ConflictError, NotFoundError
from cloudnexus.types import Action, InstanceActionAccepted
from factories import random_ssh_public_key, unique_name


def test_instance_lifecycle_with_waiting(client: CloudNexus) -> None:
    ssh_key = client.ssh_keys.create(name=unique_name("inst"), public_key=random_ssh_public_key())
    name = unique_name("life")
    instance = client.instances.create(
        name=name,
        region="eu-central-1",
        plan="micro",
        image="debian-12",
        ssh_keys=[ssh_key.id],
        labels={"suite": "python-lifecycle", "tier": "web"},
        wait=True,
    )
    assert instance.status == "running" and instance.ipv4 is not None
    assert instance.ssh_keys == [ssh_key.id]

    stopped = client.instances.stop(instance.id, wait=True)
    assert isinstance(stopped, Action) and (stopped.type, stopped.status) == ("stop", "completed")
    assert client.instances.retrieve(instance.id).status == "stopped"
    with pytest.raises(ConflictError):
        client.instances.stop(instance.id)

    resized = client.instances.resize(instance.id, plan="standard-2", wait=True)
    assert resized.type == "resize"
    after_resize = client.instances.retrieve(instance.id)
    assert (after_resize.plan, after_resize.cpu, after_resize.status) == ("standard-2", 2, "stopped")

    started = client.instances.start(instance.id, wait=True)
    assert started.resource_id == instance.id
    assert client.instances.retrieve(instance.id).status == "running"

    accepted = client.instances.restart(instance.id)
    assert isinstance(accepted, InstanceActionAccepted) and accepted.status == "rebooting"
    assert client.actions.wait_for(accepted.action_id).type == "restart"

    history = [a.type for a in client.instances.actions(instance.id, limit=2)]
    assert sorted(history) == ["create", "resize", "restart", "start", "stop"]

    deleted = client.instances.delete(instance.id, wait=True)
    assert (deleted.type, deleted.status) == ("delete", "completed")
    with pytest.raises(NotFoundError):
        client.instances.retrieve(instance.id)


def test_power_cycle_and_graceful_shutdown(client: CloudNexus) -> None:
    instance = client.instances.create(
        name=unique_name("power"), region="eu-central-1", plan="micro", image="debian-12", wait=True
    )
    cycling = client.instances.power_cycle(instance.id)
    assert isinstance(cycling, InstanceActionAccepted) and cycling.status == "rebooting"
    assert client.actions.wait_for(cycling.action_id).type == "power_cycle"
    assert client.instances.retrieve(instance.id).status == "running"

    shut = client.instances.shutdown(instance.id, wait=True)
    assert (shut.type, shut.status) == ("shutdown", "completed")
    assert client.instances.retrieve(instance.id).status == "stopped"
    with pytest.raises(ConflictError) as again:
        client.instances.shutdown(instance.id)
    assert again.value.reason == "already_in_state"
    with pytest.raises(ConflictError):
        client.instances.power_cycle(instance.id)
    client.instances.delete(instance.id, wait=True)


def test_snapshot_create_from_image_rebuild_and_delete(client: CloudNexus) -> None:
    source = client.instances.create(
        name=unique_name("golden"), region="eu-central-1", plan="micro", image="debian-12", wait=True
    )
    with pytest.raises(ConflictError) as running:
        client.instances.snapshot(source.id, name=unique_name("img"))
    assert running.value.reason == "invalid_state"
    accepted = client.instances.snapshot(source.id, name=unique_name("img"), crash_consistent=True)
    assert accepted.image_id.startswith("img_")
    assert client.actions.wait_for(accepted.action_id).type == "snapshot"
    image = client.images.retrieve(accepted.image_id)
    assert (image.type, image.status, image.source_instance_id) == ("custom", "available", source.id)
    assert any(i.id == image.id for i in client.images.list(type="custom", limit=100))
    assert all(i.type == "os" for i in client.images.list(type="os"))

    copy = client.instances.create(
        name=unique_name("copy"), region="eu-central-1", plan="micro", image=image.id, wait=True
    )
    assert copy.image == image.id
    rebuilt = client.instances.rebuild(source.id, image="ubuntu-24-04", wait=True)
    assert (rebuilt.type, rebuilt.status) == ("rebuild", "completed")
    after = client.instances.retrieve(source.id)
    assert (after.image, after.ipv4) == ("ubuntu-24-04", source.ipv4)

    with pytest.raises(ConflictError) as public:
        client.images.delete("debian-12")
    assert public.value.reason == "public_image"
    assert client.images.delete(image.id, wait=True).status == "completed"
    with pytest.raises(NotFoundError):
        client.images.retrieve(image.id)
    for instance in (source, copy):
        client.instances.delete(instance.id, wait=True)


def test_list_filters(client: CloudNexus) -> None:
    label = unique_name("filters")
    web = client.instances.create(
        name=unique_name("web"),
        region="us-east-1",
        plan="micro",
        image="debian-12",
        labels={"app": label, "tier": "web"},
    )
    db = client.instances.create(
        name=unique_name("db"), region="eu-central-1", plan="micro", image="debian-12", labels={"app": label}
    )
    assert web.status == "provisioning"

    def ids(**filters: str) -> set[str]:
        return {i.id for i in client.instances.list(limit=1, **filters)}  # type: ignore[arg-type]

    assert ids(label_selector=f"app={label}") == {web.id, db.id}
    assert ids(label_selector=f"app={label},tier=web") == {web.id}
    assert ids(label_selector=f"app={label},!tier") == {db.id}
    assert ids(name=db.name) == {db.id}
    assert web.id in ids(region="us-east-1") and db.id not in ids(region="us-east-1")

    for instance in (web, db):
        action = next(a for a in client.actions.list(resource_id=instance.id) if a.type == "create")
        client.actions.wait_for(action.id)
    assert {web.id, db.id} <= {i.id for i in client.instances.list(status="running")}
    page = client.instances.list_page(label_selector=f"app={label}", limit=1)
    assert len(page.data) == 1 and page.pagination.has_more


def test_metrics(client: CloudNexus) -> None:
    instance = client.instances.create(
        name=unique_name("m"), region="us-east-1", plan="micro", image="debian-12", wait=True
    )
    end = datetime.now(timezone.utc)
    metrics = client.instances.metrics(instance.id, type="memory", start=end - timedelta(minutes=30), end=end, step=300)
    assert (metrics.instance_id, metrics.type, metrics.step) == (instance.id, "memory", 300)
    assert metrics.series and all(len(s.points) >= 6 for s in metrics.series)
    assert client.instances.metrics(instance.id, type="cpu").step == 60


def test_actions_filters_and_retrieve(client: CloudNexus) -> None:
    instance = client.instances.create(
        name=unique_name("a"), region="us-east-1", plan="micro", image="debian-12", wait=True
    )
    completed = list(client.actions.list(resource_id=instance.id, status="completed"))
    assert [a.type for a in completed] == ["create"]
    assert client.actions.retrieve(completed[0].id) == completed[0]
    assert not client.actions.list_page(resource_id=instance.id, status="in-progress").data


async def test_async_instance_lifecycle(async_client: AsyncCloudNexus) -> None:
    instance = await async_client.instances.create(
        name=unique_name("async"), region="eu-central-1", plan="micro", image="debian-12", wait=True
    )
    assert instance.status == "running"
    assert instance.id in [i.id async for i in async_client.instances.list(name=instance.name)]
    assert (await async_client.instances.list_page(name=instance.name)).data[0].id == instance.id

    restarted = await async_client.instances.restart(instance.id, wait=True)
    assert (restarted.type, restarted.status) == ("restart", "completed")
    accepted = await async_client.instances.stop(instance.id)
    assert (await async_client.actions.wait_for(accepted.action_id)).type == "stop"
    await async_client.instances.start(instance.id, wait=True)
    await async_client.instances.resize(instance.id, plan="standard-2", wait=True)
    assert (await async_client.instances.retrieve(instance.id)).plan == "standard-2"
    metrics = await async_client.instances.metrics(instance.id, type="network")
    assert metrics.type == "network"

    types = [a.type async for a in async_client.instances.actions(instance.id)]
    assert sorted(types) == ["create", "resize", "restart", "start", "stop"]
    assert [a.id async for a in async_client.actions.list(resource_id=instance.id)]
    first = (await async_client.actions.list_page(resource_id=instance.id, limit=1)).data[0]
    assert (await async_client.actions.retrieve(first.id)).id == first.id

    await async_client.instances.delete(instance.id, wait=True)
    with pytest.raises(NotFoundError):
        await async_client.instances.retrieve(instance.id)


def test_update_merges_labels_renames_and_lifts_protection(client: CloudNexus) -> None:
    instance = client.instances.create(
        name=unique_name("patch"),
        region="eu-central-1",
        plan="micro",
        image="debian-12",
        labels={"env": "dev", "owner": "ann"},
        wait=True,
    )
    renamed = unique_name("patched")
    patched = client.instances.update(
        instance.id, name=renamed, labels={"env": "prod", "owner": None}, delete_protection=True
    )
    assert (patched.name, patched.labels) == (renamed, {"env": "prod"})
    assert (patched.protection.delete, patched.protection.rebuild) == (True, False)
    with pytest.raises(ConflictError) as refused:
        client.instances.delete(instance.id)
    assert refused.value.reason == "delete_protected"
    assert client.instances.update(instance.id, delete_protection=False).protection.delete is False
    client.instances.delete(instance.id, wait=True)

    volume = client.volumes.create(
        name=unique_name("patchvol"), region="eu-central-1", size_gb=5, labels={"tier": "db"}, wait=True
    )
    changed = client.volumes.update(volume.id, labels={"tier": None}, rebuild_protection=True)
    assert (changed.labels, changed.protection.rebuild) == ({}, True)
    client.volumes.delete(volume.id, wait=True)
