"""Webhook endpoints against the real server: CRUD, a test event and its delivery attempts, SSRF refusal."""

from __future__ import annotations

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, NotFoundError, UnprocessableEntityError

# TEST-NET-3 (RFC 5737): public, so allowed as a target, and never answers; deliveries are attempted and fail.
UNREACHABLE_URL = "https://203.0.113.10/hook"


def test_webhook_crud_test_and_deliveries(client: CloudNexus) -> None:
    created = [
        client.webhooks.create(url=UNREACHABLE_URL, event_types=["webhook.test"], description=f"python {i}")
        for i in range(2)
    ]
    webhook = created[0]
    assert webhook.id.startswith("wh_") and webhook.status == "enabled" and webhook.secret
    fetched = client.webhooks.retrieve(webhook.id)
    assert (fetched.url, fetched.event_types) == (UNREACHABLE_URL, ["webhook.test"])
    assert "secret" not in fetched.model_dump(exclude_unset=True), "the secret is shown only on create"
    assert {w.id for w in created} <= {w.id for w in client.webhooks.list(limit=1)}

    updated = client.webhooks.update(webhook.id, event_types=["instance.*", "webhook.test"], enabled=False)
    assert (updated.event_types, updated.status) == (["instance.*", "webhook.test"], "disabled")
    client.webhooks.update(webhook.id, enabled=True)

    queued = client.webhooks.test(webhook.id)
    deliveries = list(client.webhooks.deliveries(webhook.id, limit=1))
    assert deliveries and all(d.event_id == queued.event_id for d in deliveries)
    assert client.webhooks.deliveries_page(webhook.id, limit=1).data[0].event_id == queued.event_id

    with pytest.raises(UnprocessableEntityError) as private:
        client.webhooks.create(url="https://127.0.0.1/hook", event_types=["*"])
    assert private.value.reason == "validation_failed" and "url" in {d.field for d in private.value.details}

    for each in created:
        client.webhooks.delete(each.id)
    with pytest.raises(NotFoundError) as gone:
        client.webhooks.test(webhook.id)
    assert gone.value.reason == "not_found"


async def test_async_webhooks(async_client: AsyncCloudNexus) -> None:
    webhook = await async_client.webhooks.create(url=UNREACHABLE_URL, event_types=["webhook.test"])
    assert webhook.id in [w.id async for w in async_client.webhooks.list()]
    queued = await async_client.webhooks.test(webhook.id)
    # Deliveries are attempts: an unreachable target may already have been retried, so one event, one or more rows.
    attempts = [d.event_id async for d in async_client.webhooks.deliveries(webhook.id)]
    assert attempts and set(attempts) == {queued.event_id}
    assert (await async_client.webhooks.list_page(limit=100)).data
    await async_client.webhooks.delete(webhook.id)
    with pytest.raises(NotFoundError):
        await async_client.webhooks.retrieve(webhook.id)
