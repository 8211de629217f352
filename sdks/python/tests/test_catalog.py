"""Account and the read-only catalogs (regions, plans, images) against the real server."""

from __future__ import annotations

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, NotFoundError
from cloudnexus.types import Region
from server_process import ServerInfo


def test_account_is_the_callers(client: CloudNexus, server: ServerInfo) -> None:
    account = client.account.retrieve()
    assert account.id == server.account_id
    assert account.tier == "enterprise"
    assert account.quotas.instances.limit >= account.quotas.instances.used
    assert account.quotas.databases.limit > 0 and account.quotas.load_balancers.limit > 0


def test_auto_pagination_walks_every_page_once(client: CloudNexus) -> None:
    in_one_page = [r.id for r in client.regions.list(limit=100)]
    in_pages_of_seven = [r.id for r in client.regions.list(limit=7)]
    assert len(in_one_page) >= 50
    assert in_pages_of_seven == in_one_page
    assert all(isinstance(r, Region) for r in client.regions.list(limit=100))


def test_iter_pages_yields_every_page(client: CloudNexus) -> None:
    pages = list(client.regions.list(limit=20).iter_pages())
    assert len(pages) >= 3
    assert all(p.pagination.has_more for p in pages[:-1])
    assert not pages[-1].pagination.has_more and pages[-1].pagination.next_cursor is None


def test_list_page_follows_the_cursor(client: CloudNexus) -> None:
    first = client.regions.list_page(limit=5)
    assert len(first.data) == 5 and first.pagination.has_more
    assert first.pagination.next_cursor is not None
    second = client.regions.list_page(limit=5, cursor=first.pagination.next_cursor)
    assert {r.id for r in first.data}.isdisjoint(r.id for r in second.data)


def test_plans_and_images_retrieve_and_list(client: CloudNexus) -> None:
    plan = client.plans.retrieve("standard-4")
    assert (plan.cpu, plan.memory_gb) == (4, 16)
    assert plan.id in {p.id for p in client.plans.list()}
    image = client.images.retrieve("debian-12")
    assert image.distribution == "debian"
    assert "debian-12" in {i.id for i in client.images.list()}


def test_unknown_catalog_entry_is_not_found(client: CloudNexus) -> None:
    with pytest.raises(NotFoundError) as info:
        client.regions.retrieve("mars-1")
    assert info.value.status == 404
    assert info.value.request_id == info.value.headers["x-request-id"]
    assert info.value.request_id and info.value.request_id.startswith("req_")


def test_ids_are_escaped_into_one_path_segment(client: CloudNexus) -> None:
    with pytest.raises(NotFoundError):
        client.plans.retrieve("../regions")


async def test_async_catalogs(async_client: AsyncCloudNexus, server: ServerInfo) -> None:
    assert (await async_client.account.retrieve()).id == server.account_id
    ids = [r.id async for r in async_client.regions.list(limit=9)]
    assert len(ids) == len(set(ids)) >= 50
    page = await async_client.plans.list_page(limit=2)
    assert len(page.data) == 2
    assert (await async_client.images.retrieve("debian-12")).id == "debian-12"
    with pytest.raises(NotFoundError):
        await async_client.plans.retrieve("no-such-plan")
