"""Waiting for actions against a scripted server: errored actions, timeouts, and the polling schedule."""

from __future__ import annotations

import itertools
import time

import pytest

from cloudnexus import ActionFailedError, AsyncCloudNexus, WaitTimeoutError
from cloudnexus._waiting import poll_delays
from fake_server import Reply, fake_server, scripted_client


def action(status: str, error: object = None) -> dict[str, object]:
    return {
        "id": "act_1",
        "type": "resize",
        "status": status,
        "resource_id": "inst_1",
        "resource_type": "instance",
        "started_at": "2025-01-15T08:30:00Z",
        "completed_at": None if status == "in-progress" else "2025-01-15T08:31:00Z",
        "error": error,
    }


IN_PROGRESS = Reply(200, action("in-progress"))
ACCEPTED = Reply(202, {"id": "inst_1", "status": "resizing", "message": "Resize initiated", "action_id": "act_1"})


def test_an_errored_action_raises_action_failed_with_the_action() -> None:
    script = [ACCEPTED, IN_PROGRESS, Reply(200, action("errored", "driver failed 3 times"))]
    with scripted_client(script) as (fake, client), pytest.raises(ActionFailedError) as info:
        client.instances.resize("inst_1", plan="standard-2", wait=True)
    assert info.value.action.error == "driver failed 3 times"
    assert info.value.action.status == "errored"
    assert [r.method + " " + r.path for r in fake.received] == [
        "PUT /v2/instances/inst_1/resize",
        "GET /v2/actions/act_1",
        "GET /v2/actions/act_1",
    ]


def test_wait_gives_up_after_its_timeout() -> None:
    with scripted_client([IN_PROGRESS], repeat_last=True, wait_timeout=0.5) as (fake, client):
        started = time.monotonic()
        with pytest.raises(WaitTimeoutError) as info:
            client.actions.wait_for("act_1")
    elapsed = time.monotonic() - started
    assert 0.5 <= elapsed < 1.5
    assert info.value.action.status == "in-progress"
    assert 3 <= len(fake.received) <= 6, "polls should start at 0.1 s and slow down"


def test_poll_delays_grow_by_half_up_to_two_seconds() -> None:
    delays = list(itertools.islice(poll_delays(), 12))
    assert delays[:3] == pytest.approx([0.1, 0.15, 0.225])
    assert max(delays) == 2.0 and delays[-1] == 2.0


async def test_async_wait_raises_action_failed() -> None:
    script = [IN_PROGRESS, Reply(200, action("errored", "no capacity")), IN_PROGRESS]
    with fake_server(script) as (fake, base_url):
        async with AsyncCloudNexus(api_key="k", base_url=base_url) as client:
            with pytest.raises(ActionFailedError) as info:
                await client.actions.wait_for("act_1")
            with pytest.raises(WaitTimeoutError):
                await client.actions.wait_for("act_1", timeout=0)
    assert info.value.action.error == "no capacity"
    assert len(fake.received) == 3, "a zero timeout still looks once"
