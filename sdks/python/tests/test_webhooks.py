"""Webhook signature verification against the vectors every SDK shares, and the events list on the real server."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, webhooks
from factories import random_ssh_public_key, unique_name

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[2] / "conformance" / "webhook-vectors.json").read_text("utf-8")
)


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_shared_vectors(case: dict[str, Any]) -> None:
    tolerance = case.get("tolerance", webhooks.DEFAULT_TOLERANCE)
    args = (case["payload"], case["header"], VECTORS["secret"])
    if case["valid"]:
        event = webhooks.verify(*args, tolerance=tolerance, now=case["now"])
        assert event.id == json.loads(case["payload"])["id"]
    else:
        with pytest.raises(webhooks.WebhookVerificationError):
            webhooks.verify(*args, tolerance=tolerance, now=case["now"])


def test_bytes_payload_and_the_system_clock() -> None:
    case = VECTORS["cases"][0]
    t = int(time.time())
    body = case["payload"].encode("utf-8")
    header = f"t={t},v1={hmac.new(b'whsec_x', f'{t}.'.encode() + body, hashlib.sha256).hexdigest()}"
    assert webhooks.verify(body, header, "whsec_x").type == "instance.created"
    with pytest.raises(webhooks.WebhookVerificationError, match="more than 300 s"):
        webhooks.verify(body, header, "whsec_x", now=t + 301)


def test_events_list_shows_a_change(client: CloudNexus) -> None:
    created = client.ssh_keys.create(name=unique_name("evt"), public_key=random_ssh_public_key())
    events = list(client.events.list(type="ssh_key.*", resource_id=created.id))
    assert [(e.type, e.resource_type, e.actor.type) for e in events] == [("ssh_key.created", "ssh_key", "api_key")]
    assert client.events.retrieve(events[0].id) == events[0]


async def test_async_events_list(async_client: AsyncCloudNexus) -> None:
    page = await async_client.events.list_page(type="ssh_key.created", limit=1)
    assert all(e.type == "ssh_key.created" for e in page.data)
