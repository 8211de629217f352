"""API keys against the real server: the secret works, scopes limit it, revoking ends it."""

from __future__ import annotations

import pytest

from cloudnexus import AsyncCloudNexus, AuthenticationError, CloudNexus, PermissionDeniedError
from factories import unique_name
from server_process import ServerInfo


def client_with(server: ServerInfo, api_key: str) -> CloudNexus:
    return CloudNexus(api_key=api_key, base_url=server.base_url, ca_file=server.ca_file, max_retries=0)


def test_api_key_lifecycle(client: CloudNexus, server: ServerInfo) -> None:
    created = client.api_keys.create(name=unique_name("ci"), scopes=["regions:read"])
    assert created.secret is not None and created.secret.startswith("cnx_live_")
    assert created.key.status == "active"
    assert created.key.scopes == ["regions:read"]
    assert client.api_keys.retrieve(created.key.id).display == created.key.display
    assert created.key.id in {k.id for k in client.api_keys.list()}

    with client_with(server, created.secret) as scoped:
        assert scoped.regions.retrieve("us-east-1").id == "us-east-1"
        with pytest.raises(PermissionDeniedError) as denied:
            scoped.instances.list_page()
        assert denied.value.status == 403

        revoked = client.api_keys.revoke(created.key.id)
        assert revoked.status == "revoked" and revoked.revoked_at is not None
        with pytest.raises(AuthenticationError) as refused:
            scoped.regions.list_page()
        assert refused.value.status == 401


def test_an_idempotent_replay_has_no_secret(client: CloudNexus) -> None:
    name, key = unique_name("replayed"), unique_name("idem")
    first = client.api_keys.create(name=name, idempotency_key=key)
    replay = client.api_keys.create(name=name, idempotency_key=key)
    assert first.secret is not None
    assert replay.key.id == first.key.id and replay.secret is None


async def test_async_api_key_lifecycle(async_client: AsyncCloudNexus) -> None:
    created = await async_client.api_keys.create(name=unique_name("async"), regions=["eu-central-1"])
    assert created.key.regions == ["eu-central-1"]
    assert (await async_client.api_keys.retrieve(created.key.id)).name == created.key.name
    assert created.key.id in [k.id async for k in async_client.api_keys.list(limit=3)]
    assert created.key.id in {k.id for k in (await async_client.api_keys.list_page(limit=100)).data}
    assert (await async_client.api_keys.revoke(created.key.id)).status == "revoked"


def test_rotate_with_no_grace_ends_the_old_secret(client: CloudNexus, server: ServerInfo) -> None:
    created = client.api_keys.create(name=unique_name("rotate"), scopes=["regions:read"])
    assert created.secret is not None
    rotated = client.api_keys.rotate(created.key.id, grace_period="none")
    assert rotated.secret is not None and rotated.key.id != created.key.id
    assert (rotated.key.name, rotated.key.scopes) == (created.key.name, ["regions:read"])
    assert client.api_keys.retrieve(created.key.id).replaced_by == rotated.key.id
    with client_with(server, rotated.secret) as fresh:
        assert fresh.regions.retrieve("us-east-1").id == "us-east-1"
    with client_with(server, created.secret) as old, pytest.raises(AuthenticationError):
        old.regions.list_page()


async def test_async_rotate_keeps_the_old_secret_for_a_grace_period(
    async_client: AsyncCloudNexus, server: ServerInfo
) -> None:
    created = await async_client.api_keys.create(name=unique_name("async-rotate"), scopes=["regions:read"])
    assert created.secret is not None
    rotated = await async_client.api_keys.rotate(created.key.id, grace_period="1h")
    assert rotated.key.status == "active"
    with client_with(server, created.secret) as old:
        assert old.regions.retrieve("us-east-1").id == "us-east-1"
