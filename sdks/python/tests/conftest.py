from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus
from server_process import ServerInfo, running_test_server


@pytest.fixture(scope="session")
def server() -> Iterator[ServerInfo]:
    with running_test_server() as info:
        yield info


@pytest.fixture(scope="session")
def client(server: ServerInfo) -> Iterator[CloudNexus]:
    with CloudNexus(api_key=server.api_key, base_url=server.base_url, ca_file=server.ca_file) as sync_client:
        yield sync_client


@pytest.fixture
async def async_client(server: ServerInfo) -> AsyncIterator[AsyncCloudNexus]:
    async with AsyncCloudNexus(api_key=server.api_key, base_url=server.base_url, ca_file=server.ca_file) as c:
        yield c


@pytest.fixture(autouse=True)
def no_cloudnexus_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests choose their configuration explicitly; a developer's own CLOUDNEXUS_* variables must not leak in."""
    for name in list(os.environ):
        if name.startswith("CLOUDNEXUS_"):
            monkeypatch.delenv(name)
