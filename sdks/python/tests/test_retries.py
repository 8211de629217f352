"""Retries against a scripted local server: backoff, Retry-After, one Idempotency-Key per call, limits."""

from __future__ import annotations

import socket
import time
import uuid

import httpx
import pytest

from cloudnexus import (
    APIConnectionError,
    APITimeoutError,
    AsyncCloudNexus,
    BadRequestError,
    CloudNexus,
    InternalServerError,
    RateLimitError,
)
from fake_server import Reply, fake_server, scripted_client

SSH_KEY = {
    "id": "ssh_0123456789abcdef",
    "name": "k",
    "public_key": "ssh-ed25519 AAAA k",
    "fingerprint": "SHA256:x",
    "type": "ssh-ed25519",
    "bits": 256,
    "created_at": "2025-01-15T08:30:00Z",
}


def envelope(status: int, message: str) -> dict[str, object]:
    return {"error": {"code": status, "message": message, "details": [], "request_id": "req_fake"}}


RATE_LIMITED = Reply(429, envelope(429, "Too many requests"), {"Retry-After": "1"})
UNAVAILABLE = Reply(503, envelope(503, "Service unavailable"))
CREATED = Reply(201, SSH_KEY)


def test_retries_429_then_503_then_succeeds_with_one_idempotency_key() -> None:
    with scripted_client([RATE_LIMITED, UNAVAILABLE, CREATED]) as (fake, client):
        key = client.ssh_keys.create(name="k", public_key="ssh-ed25519 AAAA k")

    assert key.id == SSH_KEY["id"]
    assert len(fake.received) == 3
    keys = {r.headers["idempotency-key"] for r in fake.received}
    assert len(keys) == 1
    uuid.UUID(keys.pop())  # a generated UUID
    first, second, third = (r.at for r in fake.received)
    assert second - first >= 1.0, "Retry-After: 1 was not honoured"
    assert 0.3 <= third - second < 1.0, "the 503 retry should back off ~0.5 s with jitter"
    assert {r.body for r in fake.received} == {fake.received[0].body}


def test_caller_idempotency_key_is_sent_on_every_attempt() -> None:
    with scripted_client([UNAVAILABLE, CREATED]) as (fake, client):
        client.ssh_keys.create(name="k", public_key="ssh-ed25519 AAAA k", idempotency_key="my-key-1")
    assert [r.headers["idempotency-key"] for r in fake.received] == ["my-key-1", "my-key-1"]


def test_each_call_gets_its_own_idempotency_key_and_gets_send_none() -> None:
    with scripted_client([CREATED, CREATED, Reply(200, SSH_KEY)]) as (fake, client):
        client.ssh_keys.create(name="k", public_key="ssh-ed25519 AAAA k")
        client.ssh_keys.create(name="k", public_key="ssh-ed25519 AAAA k")
        client.ssh_keys.retrieve("ssh_0123456789abcdef")
    first, second, get = fake.received
    assert first.headers["idempotency-key"] != second.headers["idempotency-key"]
    assert "idempotency-key" not in get.headers
    assert get.headers["authorization"] == "Bearer k"


def test_max_retries_zero_raises_the_first_rate_limit() -> None:
    script = [RATE_LIMITED, CREATED]
    with scripted_client(script, max_retries=0) as (fake, client), pytest.raises(RateLimitError) as info:
        client.ssh_keys.list_page()
    assert len(fake.received) == 1
    assert info.value.status == 429
    assert info.value.retry_after == 1.0
    assert info.value.headers["retry-after"] == "1"


def test_gives_up_after_max_retries_with_the_last_error() -> None:
    always_unavailable = scripted_client([UNAVAILABLE], repeat_last=True, max_retries=2)
    with always_unavailable as (fake, client), pytest.raises(InternalServerError) as info:
        client.regions.retrieve("us-east-1")
    assert len(fake.received) == 3
    assert info.value.status == 503
    assert info.value.request_id == "req_fake"


def test_a_retry_after_beyond_a_minute_is_not_slept_through() -> None:
    long_wait = Reply(429, envelope(429, "Too many requests"), {"Retry-After": "3600"})
    with scripted_client([long_wait, CREATED]) as (fake, client), pytest.raises(RateLimitError):
        client.regions.retrieve("us-east-1")
    assert len(fake.received) == 1


def test_client_errors_are_not_retried() -> None:
    script = [Reply(400, envelope(400, "Invalid request")), CREATED]
    with scripted_client(script) as (fake, client), pytest.raises(BadRequestError):
        client.ssh_keys.create(name="k", public_key="x")
    assert len(fake.received) == 1


def test_connection_errors_are_retried_then_raised() -> None:
    with socket.socket() as placeholder:  # a port nobody listens on
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
    started = time.monotonic()
    client = CloudNexus(api_key="k", base_url=f"http://127.0.0.1:{port}/v2", max_retries=1)
    with client, pytest.raises(APIConnectionError) as info:
        client.account.retrieve()
    assert info.value.status is None
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert time.monotonic() - started >= 0.3, "one backoff wait expected before giving up"


def test_slow_answers_raise_timeout_errors() -> None:
    slow = scripted_client([Reply(200, SSH_KEY, delay=1.0)], repeat_last=True, timeout=0.2, max_retries=0)
    with slow as (fake, client), pytest.raises(APITimeoutError):
        client.ssh_keys.retrieve("ssh_0123456789abcdef")
    assert len(fake.received) == 1


async def test_async_client_retries_the_same_way() -> None:
    with fake_server([RATE_LIMITED, UNAVAILABLE, CREATED]) as (fake, base_url):
        async with AsyncCloudNexus(api_key="k", base_url=base_url) as client:
            key = await client.ssh_keys.create(name="k", public_key="ssh-ed25519 AAAA k")
    assert key.fingerprint == SSH_KEY["fingerprint"]
    assert len(fake.received) == 3
    assert len({r.headers["idempotency-key"] for r in fake.received}) == 1
    assert fake.received[1].at - fake.received[0].at >= 1.0
