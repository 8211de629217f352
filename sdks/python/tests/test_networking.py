"""VPCs, networks and firewalls against the real server (and the instance views they shape), sync and async."""

from __future__ import annotations

import secrets

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, ConflictError, NotFoundError, UnprocessableEntityError
from cloudnexus.types import FirewallInboundRule, FirewallInboundRuleSources
from factories import unique_name

REGION = "eu-central-1"
SSH_FROM_ANYWHERE = {"protocol": "tcp", "ports": "22", "sources": {"addresses": ["0.0.0.0/0"]}}


def private_range() -> str:
    """A /16 in 172.16.0.0/12 (the conformance scenario and default VPCs use 10.0.0.0/8)."""
    return f"172.{16 + secrets.randbelow(16)}.0.0/16"


def test_vpc_lifecycle_with_pagination_and_typed_errors(client: CloudNexus) -> None:
    label = unique_name("vpcs")
    created = [
        client.vpcs.create(name=unique_name("vpc"), region=REGION, ip_range=private_range(), labels={"suite": label})
        for _ in range(3)
    ]
    vpc = created[0]
    assert vpc.id.startswith("vpc_") and (vpc.region, vpc.default) == (REGION, False)
    assert client.vpcs.retrieve(vpc.id) == vpc

    first = client.vpcs.list_page(label_selector=f"suite={label}", limit=2)
    assert len(first.data) == 2 and first.pagination.has_more
    assert {v.id for v in client.vpcs.list(label_selector=f"suite={label}", limit=1)} == {v.id for v in created}

    renamed = client.vpcs.update(vpc.id, description="renamed")
    assert (renamed.description, renamed.name) == ("renamed", vpc.name)

    with pytest.raises(ConflictError) as taken:
        client.vpcs.create(name=vpc.name, region=REGION, ip_range=private_range())
    assert taken.value.reason == "name_taken"

    network = client.networks.create(
        name=unique_name("net"),
        vpc_id=vpc.id,
        ip_range=vpc.ip_range.replace(".0.0/16", ".1.0/24"),
        environment="staging",
    )
    with pytest.raises(ConflictError) as busy:
        client.vpcs.delete(vpc.id)
    assert busy.value.reason == "has_dependents"

    client.networks.delete(network.id)
    for each in created:
        client.vpcs.delete(each.id)
    with pytest.raises(NotFoundError) as gone:
        client.vpcs.retrieve(vpc.id)
    assert gone.value.reason == "not_found"


def test_networks_list_and_validation(client: CloudNexus) -> None:
    vpc = client.vpcs.create(name=unique_name("vpc"), region=REGION, ip_range=private_range())
    base = vpc.ip_range.rsplit(".", 2)[0]
    networks = [
        client.networks.create(
            name=unique_name("net"), vpc_id=vpc.id, ip_range=f"{base}.{i}.0/24", environment="production"
        )
        for i in (1, 2)
    ]
    assert networks[0].id.startswith("net_") and networks[0].vpc_id == vpc.id
    assert client.networks.retrieve(networks[1].id).ip_range == f"{base}.2.0/24"
    page = client.networks.list_page(vpc_id=vpc.id, limit=1)
    assert len(page.data) == 1 and page.pagination.has_more
    assert {n.id for n in client.networks.list(vpc_id=vpc.id, limit=1)} == {n.id for n in networks}

    with pytest.raises(UnprocessableEntityError) as outside:
        client.networks.create(name=unique_name("net"), vpc_id=vpc.id, ip_range="192.168.7.0/24", environment="staging")
    assert outside.value.reason == "validation_failed" and "ip_range" in {d.field for d in outside.value.details}

    for network in networks:
        client.networks.delete(network.id)
    client.vpcs.delete(vpc.id)


def test_firewalls_apply_to_instances(client: CloudNexus) -> None:
    role = unique_name("role")
    instance = client.instances.create(
        name=unique_name("fw"), region=REGION, plan="micro", image="debian-12", labels={"role": role}, wait=True
    )
    # Rules may be given as generated models as well as mappings.
    web = FirewallInboundRule(protocol="tcp", ports="80", sources=FirewallInboundRuleSources(addresses=["0.0.0.0/0"]))
    firewall = client.firewalls.create(
        name=unique_name("fw"), inbound_rules=[SSH_FROM_ANYWHERE, web], apply_to={"label_selector": f"role={role}"}
    )
    assert firewall.id.startswith("fw_")
    assert [(r.protocol, r.ports) for r in firewall.inbound_rules] == [("tcp", "22"), ("tcp", "80")]
    assert client.firewalls.retrieve(firewall.id).apply_to.label_selector == f"role={role}"
    assert firewall.id in {f.id for f in client.firewalls.list(limit=1)}

    rules = client.instances.firewall_rules(instance.id)
    assert rules.instance_id == instance.id and firewall.id in rules.firewall_ids
    console = client.instances.console(instance.id)
    assert console.instance_id == instance.id and console.output

    replaced = client.firewalls.replace(
        firewall.id, name=firewall.name, inbound_rules=[SSH_FROM_ANYWHERE], apply_to={"instance_ids": [instance.id]}
    )
    assert (len(replaced.inbound_rules), replaced.apply_to.instance_ids) == (1, [instance.id])

    client.firewalls.delete(firewall.id)
    with pytest.raises(NotFoundError):
        client.firewalls.retrieve(firewall.id)
    assert client.instances.delete(instance.id, wait=True).status == "completed"


async def test_async_networking(async_client: AsyncCloudNexus) -> None:
    vpc = await async_client.vpcs.create(name=unique_name("avpc"), region=REGION, ip_range=private_range())
    assert vpc.id in [v.id async for v in async_client.vpcs.list(region=REGION, limit=1)]
    network = await async_client.networks.create(
        name=unique_name("anet"),
        vpc_id=vpc.id,
        ip_range=vpc.ip_range.replace(".0.0/16", ".9.0/24"),
        environment="development",
    )
    assert (await async_client.networks.retrieve(network.id)).environment == "development"
    firewall = await async_client.firewalls.create(
        name=unique_name("afw"), inbound_rules=[SSH_FROM_ANYWHERE], apply_to={"label_selector": "role=none"}
    )
    assert (await async_client.firewalls.list_page(limit=100)).data
    await async_client.firewalls.delete(firewall.id)
    await async_client.networks.delete(network.id)
    await async_client.vpcs.delete(vpc.id)
    with pytest.raises(NotFoundError):
        await async_client.networks.retrieve(network.id)
