"""Reserved IPs against the real server: reserve, label, assign, move, unassign, release; sync and async."""

from __future__ import annotations

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, ConflictError
from cloudnexus.types import Action, ReservedIpActionAccepted
from factories import unique_name

REGION = "eu-central-1"


def test_reserved_ip_assign_move_unassign(client: CloudNexus) -> None:
    first, second = (
        client.instances.create(name=unique_name("rip"), region=REGION, plan="micro", image="debian-12", wait=True)
        for _ in range(2)
    )
    rip = client.reserved_ips.create(region=REGION, labels={"suite": "python"})
    assert rip.id.startswith("rip_") and (rip.status, rip.instance_id) == ("unassigned", None)
    assert client.reserved_ips.update(rip.id, labels={"suite": None, "tier": "edge"}).labels == {"tier": "edge"}

    assigned = client.reserved_ips.assign(rip.id, instance_id=first.id, wait=True)
    assert isinstance(assigned, Action) and (assigned.type, assigned.status) == ("assign", "completed")
    assert client.instances.retrieve(first.id).public_ipv4 == rip.ip
    with pytest.raises(ConflictError) as in_use:
        client.reserved_ips.delete(rip.id)
    assert in_use.value.reason == "has_dependents"

    client.reserved_ips.assign(rip.id, instance_id=second.id, wait=True)
    assert [r.id for r in client.reserved_ips.list(instance_id=second.id)] == [rip.id]
    accepted = client.reserved_ips.unassign(rip.id)
    assert isinstance(accepted, ReservedIpActionAccepted)
    client.actions.wait_for(accepted.action_id)
    assert client.reserved_ips.retrieve(rip.id).status == "unassigned"
    client.reserved_ips.delete(rip.id)
    for instance in (first, second):
        client.instances.delete(instance.id, wait=True)


def test_public_ip_at_instance_create(client: CloudNexus) -> None:
    instance = client.instances.create(
        name=unique_name("ripown"), region=REGION, plan="micro", image="debian-12", public_ip=True, wait=True
    )
    assert instance.public_ipv4 is not None
    assert [r.ip for r in client.reserved_ips.list(instance_id=instance.id)] == [instance.public_ipv4]
    client.instances.delete(instance.id, wait=True)


async def test_async_reserved_ips(async_client: AsyncCloudNexus) -> None:
    rip = await async_client.reserved_ips.create(region=REGION)
    assert rip.id in [r.id async for r in async_client.reserved_ips.list(region=REGION, limit=1)]
    assert (await async_client.reserved_ips.list_page(region=REGION, limit=100)).data
    with pytest.raises(ConflictError) as not_assigned:
        await async_client.reserved_ips.unassign(rip.id, wait=True)
    assert not_assigned.value.reason == "already_in_state"
    await async_client.reserved_ips.delete(rip.id)
