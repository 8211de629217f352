"""PATCH (a JSON merge-patch) on the named and labelled resources beyond instances and volumes, sync and async:
a rename, and a label set and one removed where the resource has labels. The server's suite covers the edge cases."""

from __future__ import annotations

import secrets

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, ConflictError
from factories import random_ssh_public_key, unique_name

REGION = "eu-central-1"
HTTP = {"entry_protocol": "http", "entry_port": 80, "target_protocol": "http", "target_port": 8080}


def test_labelled_resources_rename_and_merge_labels(client: CloudNexus) -> None:
    vpc = client.vpcs.create(
        name=unique_name("pvpc"),
        region=REGION,
        ip_range=f"192.168.{secrets.randbelow(256)}.0/24",
        labels={"env": "dev", "owner": "ann"},
    )
    renamed = unique_name("pvpc")
    patched_vpc = client.vpcs.patch(vpc.id, name=renamed, labels={"env": "prod", "owner": None})
    assert (patched_vpc.name, patched_vpc.labels, patched_vpc.description) == (
        renamed,
        {"env": "prod"},
        vpc.description,
    )

    network = client.networks.create(
        name=unique_name("pnet"), vpc_id=vpc.id, ip_range=vpc.ip_range, environment="staging", labels={"tier": "db"}
    )
    patched_net = client.networks.update(network.id, labels={"tier": None, "team": "core"})
    assert (patched_net.name, patched_net.labels) == (network.name, {"team": "core"})
    other = client.vpcs.create(name=unique_name("pvpc"), region=REGION, ip_range=vpc.ip_range)
    with pytest.raises(ConflictError) as taken:
        client.vpcs.patch(other.id, name=renamed)
    assert taken.value.reason == "name_taken"
    client.vpcs.delete(other.id)

    firewall = client.firewalls.create(
        name=unique_name("pfw"), inbound_rules=[], apply_to={"label_selector": "role=none"}
    )
    patched_fw = client.firewalls.update(firewall.id, name=unique_name("pfw"), labels={"a": "1"})
    assert (patched_fw.labels, patched_fw.apply_to.label_selector) == ({"a": "1"}, "role=none")

    balancer = client.load_balancers.create(
        name=unique_name("plb"),
        vpc_id=vpc.id,
        forwarding_rules=[HTTP],
        targets={"label_selector": "role=none"},
        wait=True,
    )
    lb_name = unique_name("plb")
    patched_lb = client.load_balancers.patch(balancer.id, name=lb_name, labels={"edge": "yes"})
    assert (patched_lb.name, patched_lb.labels, patched_lb.status) == (lb_name, {"edge": "yes"}, "active")

    client.load_balancers.delete(balancer.id, wait=True)
    client.firewalls.delete(firewall.id)
    client.networks.delete(network.id)
    client.vpcs.delete(vpc.id)


def test_named_resources_rename(client: CloudNexus) -> None:
    volume = client.volumes.create(name=unique_name("psrc"), region=REGION, size_gb=1, wait=True)
    snapshot = client.volumes.snapshot(volume.id, name=unique_name("psnap"), wait=True)
    assert client.snapshots.update(snapshot.id, name="renamed snapshot").name == "renamed snapshot"
    assert client.snapshots.retrieve(snapshot.id).name == "renamed snapshot"

    key = client.ssh_keys.create(name=unique_name("pkey"), public_key=random_ssh_public_key())
    renamed_key = client.ssh_keys.update(key.id, name="  renamed key  ")
    assert (renamed_key.name, renamed_key.fingerprint) == ("renamed key", key.fingerprint)

    policy = client.backup_policies.create(
        name=unique_name("ppolicy"), schedule="0 3 * * *", retention_count=2, label_selector="backup=none"
    )
    renamed_policy = client.backup_policies.patch(policy.id, name="renamed policy")
    assert (renamed_policy.name, renamed_policy.schedule) == ("renamed policy", "0 3 * * *")

    api_key = client.api_keys.create(name=unique_name("papikey"), scopes=["instances:read"]).key
    renamed_api_key = client.api_keys.update(api_key.id, name="renamed key")
    assert (renamed_api_key.name, renamed_api_key.scopes) == ("renamed key", ["instances:read"])

    client.api_keys.revoke(api_key.id)
    client.backup_policies.delete(policy.id)
    client.ssh_keys.delete(key.id)
    client.snapshots.delete(snapshot.id, wait=True)
    client.volumes.delete(volume.id, wait=True)


async def test_async_patches(async_client: AsyncCloudNexus) -> None:
    vpc = await async_client.vpcs.create(
        name=unique_name("apvpc"), region=REGION, ip_range=f"192.168.{secrets.randbelow(256)}.0/24", labels={"k": "v"}
    )
    assert (await async_client.vpcs.patch(vpc.id, labels={"k": None, "n": "1"})).labels == {"n": "1"}
    key = await async_client.ssh_keys.create(name=unique_name("apkey"), public_key=random_ssh_public_key())
    assert (await async_client.ssh_keys.update(key.id, name="async renamed")).name == "async renamed"
    await async_client.ssh_keys.delete(key.id)
    await async_client.vpcs.delete(vpc.id)
