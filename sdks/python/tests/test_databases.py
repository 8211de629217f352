"""Managed databases against the real server: engines, the lifecycle, users and settings, sync and async."""

from __future__ import annotations

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, ConflictError, NotFoundError, UnprocessableEntityError
from cloudnexus.types import Action, DatabaseActionAccepted
from factories import unique_name


def test_database_engines(client: CloudNexus) -> None:
    engines = list(client.database_engines.list())
    assert [e.id for e in engines] == ["mysql", "postgres", "redis"]
    postgres = client.database_engines.retrieve("postgres")
    assert postgres.port == 5432 and "db-s-1vcpu-1gb" in [p.id for p in postgres.plans]
    with pytest.raises(NotFoundError):
        client.database_engines.retrieve("oracle")


def test_database_lifecycle_with_waiting(client: CloudNexus) -> None:
    label = unique_name("py-db")
    database = client.databases.create(
        name=unique_name("db"),
        engine="postgres",
        plan="db-s-1vcpu-1gb",
        region="eu-central-1",
        labels={"suite": label},
        backups={"hour": 6, "retention_days": 3},
        protect_delete=True,
        wait=True,
    )
    assert database.status == "online"
    password = database.connection.password
    assert password is not None and len(password) == 32 and password in database.connection.uri
    assert (database.backups.hour, database.backups.retention_days, database.protection.delete) == (6, 3, True)
    assert client.databases.retrieve(database.id).connection.password is None
    assert [d.id for d in client.databases.list(label_selector=f"suite={label}", limit=1)] == [database.id]
    with pytest.raises(UnprocessableEntityError):
        client.databases.create(name=unique_name("db"), engine="postgres", plan="db-m-1vcpu-2gb", region="eu-central-1")

    accepted = client.databases.resize(database.id, node_count=2)
    assert isinstance(accepted, DatabaseActionAccepted) and accepted.status == "resizing"
    with pytest.raises(ConflictError):
        client.databases.resize(database.id, node_count=3)
    client.actions.wait_for(accepted.action_id)
    resized = client.databases.resize(database.id, plan="db-s-2vcpu-4gb", wait=True)
    assert isinstance(resized, Action) and resized.type == "resize"
    after = client.databases.retrieve(database.id)
    assert (after.plan, after.node_count, after.status) == ("db-s-2vcpu-4gb", 2, "online")

    reset = client.databases.reset_password(database.id, wait=True)
    assert reset.user == "cnxadmin" and reset.password != password and reset.password in reset.uri

    created = client.databases.users.create(database.id, name="reporting", wait=True)
    assert created.user.password is not None and created.user.role == "normal"
    assert sorted(u.name for u in client.databases.users.list(database.id)) == ["cnxadmin", "reporting"]
    with pytest.raises(ConflictError):
        client.databases.users.delete(database.id, "cnxadmin")
    dropped = client.databases.users.delete(database.id, "reporting", wait=True)
    assert dropped.type == "delete_user"

    metrics = client.databases.metrics(database.id, type="cpu", step=120)
    assert metrics.database_id == database.id and metrics.series[0].name == "cpu_utilization"
    assert list(client.databases.backups(database.id)) == []

    with pytest.raises(ConflictError):
        client.databases.delete(database.id)
    assert client.databases.update(database.id, protect_delete=False).protection.delete is False
    deleted = client.databases.delete(database.id, wait=True)
    assert (deleted.type, deleted.status) == ("delete", "completed")
    with pytest.raises(NotFoundError):
        client.databases.retrieve(database.id)


async def test_async_database_lifecycle(async_client: AsyncCloudNexus) -> None:
    engines = [e.id async for e in async_client.database_engines.list()]
    assert "redis" in engines
    database = await async_client.databases.create(
        name=unique_name("adb"), engine="redis", plan="db-m-1vcpu-2gb", region="eu-central-1", wait=True
    )
    assert database.status == "online" and database.connection.uri.startswith("redis://default:")
    page = await async_client.databases.list_page(engine="redis", limit=100)
    assert database.id in [d.id for d in page.data]
    user = await async_client.databases.users.create(database.id, name="cache_rw", wait=True)
    assert sorted([u.name async for u in async_client.databases.users.list(database.id)]) == ["cache_rw", "default"]
    assert user.user.password is not None
    reset = await async_client.databases.reset_password(database.id, wait=True)
    assert reset.user == "default"
    resized = await async_client.databases.resize(database.id, node_count=3, wait=True)
    assert resized.type == "resize"
    deleted = await async_client.databases.delete(database.id, wait=True)
    assert deleted.status == "completed"
    with pytest.raises(NotFoundError):
        await async_client.databases.retrieve(database.id)
