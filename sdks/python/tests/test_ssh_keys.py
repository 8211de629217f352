"""SSH keys against the real server: create, list, retrieve, delete, duplicates and idempotent replays."""

from __future__ import annotations

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, ConflictError, NotFoundError, UnprocessableEntityError
from factories import random_ssh_public_key, unique_name


def test_ssh_key_lifecycle(client: CloudNexus) -> None:
    public_key = random_ssh_public_key()
    created = client.ssh_keys.create(name=unique_name("laptop"), public_key=public_key)
    assert created.id.startswith("ssh_")
    assert (created.type, created.bits) == ("ssh-ed25519", 256)
    assert created.fingerprint.startswith("SHA256:")
    assert client.ssh_keys.retrieve(created.id) == created
    assert created.id in {k.id for k in client.ssh_keys.list(limit=2)}

    client.ssh_keys.delete(created.id)
    with pytest.raises(NotFoundError):
        client.ssh_keys.retrieve(created.id)


def test_the_same_public_key_twice_conflicts(client: CloudNexus) -> None:
    public_key = random_ssh_public_key()
    client.ssh_keys.create(name=unique_name("one"), public_key=public_key)
    with pytest.raises(ConflictError) as info:
        client.ssh_keys.create(name=unique_name("two"), public_key=public_key)
    assert info.value.status == 409


def test_an_invalid_public_key_names_the_field(client: CloudNexus) -> None:
    with pytest.raises(UnprocessableEntityError) as info:
        client.ssh_keys.create(name=unique_name("bad"), public_key="ssh-ed25519 AAAA")
    assert "public_key" in {d.field for d in info.value.details}


def test_a_repeated_idempotency_key_replays_the_first_answer(client: CloudNexus) -> None:
    args = {"name": unique_name("idem"), "public_key": random_ssh_public_key()}
    key = unique_name("idem-key")
    first = client.ssh_keys.create(**args, idempotency_key=key)
    replay = client.ssh_keys.create(**args, idempotency_key=key)
    assert replay.id == first.id


async def test_async_ssh_key_lifecycle(async_client: AsyncCloudNexus) -> None:
    created = await async_client.ssh_keys.create(name=unique_name("async"), public_key=random_ssh_public_key())
    assert (await async_client.ssh_keys.retrieve(created.id)).fingerprint == created.fingerprint
    assert created.id in [k.id async for k in async_client.ssh_keys.list()]
    assert created.id in {k.id for k in (await async_client.ssh_keys.list_page(limit=100)).data}
    await async_client.ssh_keys.delete(created.id)
    with pytest.raises(NotFoundError):
        await async_client.ssh_keys.retrieve(created.id)
