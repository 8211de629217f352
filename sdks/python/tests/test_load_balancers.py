"""Load balancers against the real server: create over instances of a VPC, update, delete, all waited on."""

from __future__ import annotations

import secrets

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, ConflictError, NotFoundError, UnprocessableEntityError
from cloudnexus.types import Action, ForwardingRule, LoadBalancerAccepted
from factories import unique_name

REGION = "eu-central-1"
HTTP = {"entry_protocol": "http", "entry_port": 80, "target_protocol": "http", "target_port": 8080}


def test_load_balancer_lifecycle(client: CloudNexus) -> None:
    vpc = client.vpcs.create(
        name=unique_name("lbvpc"), region=REGION, ip_range=f"192.168.{secrets.randbelow(256)}.0/24"
    )
    network = client.networks.create(
        name=unique_name("lbnet"), vpc_id=vpc.id, ip_range=vpc.ip_range, environment="staging"
    )
    role = unique_name("web")
    web = client.instances.create(
        name=unique_name("lbweb"),
        region=REGION,
        plan="micro",
        image="debian-12",
        network_id=network.id,
        labels={"role": role},
        wait=True,
    )

    balancer = client.load_balancers.create(
        name=unique_name("lb"),
        vpc_id=vpc.id,
        forwarding_rules=[HTTP],
        health_check={"protocol": "http", "port": 8080, "path": "/healthz"},
        targets={"instance_ids": [web.id]},
        wait=True,
    )
    assert balancer.id.startswith("lb_") and balancer.status == "active" and balancer.ip is not None
    assert client.load_balancers.retrieve(balancer.id).targets.instance_ids == [web.id]
    assert balancer.id in {b.id for b in client.load_balancers.list(vpc_id=vpc.id, limit=1)}
    assert client.load_balancers.list_page(vpc_id=vpc.id).data[0].id == balancer.id

    tls = ForwardingRule(entry_protocol="tcp", entry_port=443, target_protocol="tcp", target_port=443)
    accepted = client.load_balancers.update(
        balancer.id, algorithm="least_connections", forwarding_rules=[tls], targets={"label_selector": f"role={role}"}
    )
    assert isinstance(accepted, LoadBalancerAccepted)
    with pytest.raises(ConflictError) as busy:
        client.load_balancers.delete(balancer.id)
    assert busy.value.reason == "resource_busy"
    assert client.actions.wait_for(accepted.action_id).status == "completed"
    updated = client.load_balancers.retrieve(balancer.id)
    assert (updated.algorithm, updated.forwarding_rules[0].entry_port) == ("least_connections", 443)

    with pytest.raises(UnprocessableEntityError) as bad_vpc:
        client.load_balancers.create(
            name=unique_name("lb"),
            vpc_id="vpc_0000000000000000",
            forwarding_rules=[HTTP],
            targets={"label_selector": "a=b"},
        )
    assert bad_vpc.value.reason == "validation_failed"

    deleted = client.load_balancers.delete(balancer.id, wait=True)
    assert isinstance(deleted, Action) and deleted.type == "delete"
    with pytest.raises(NotFoundError):
        client.load_balancers.retrieve(balancer.id)
    client.instances.delete(web.id, wait=True)
    client.networks.delete(network.id)
    client.vpcs.delete(vpc.id)


async def test_async_load_balancer(async_client: AsyncCloudNexus) -> None:
    vpc = await async_client.vpcs.create(
        name=unique_name("alb"), region=REGION, ip_range=f"192.168.{secrets.randbelow(256)}.0/24"
    )
    balancer = await async_client.load_balancers.create(
        name=unique_name("alb"),
        vpc_id=vpc.id,
        forwarding_rules=[HTTP],
        targets={"label_selector": "role=none"},
        wait=True,
    )
    assert balancer.status == "active"
    assert balancer.id in [b.id async for b in async_client.load_balancers.list(region=REGION)]
    updated = await async_client.load_balancers.update(
        balancer.id, forwarding_rules=[HTTP], targets={"label_selector": "role=other"}, wait=True
    )
    assert updated.resource_id == balancer.id
    assert (await async_client.load_balancers.delete(balancer.id, wait=True)).status == "completed"
    await async_client.vpcs.delete(vpc.id)
