"""The entry points: `CloudNexus` (blocking) and `AsyncCloudNexus` (asyncio), one attribute per API resource."""

from __future__ import annotations

from types import TracebackType
from typing import Optional

from ._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, DEFAULT_WAIT_TIMEOUT, resolve_options
from ._transport import AsyncTransport, SyncTransport
from .resources.account import AccountResource, AsyncAccountResource
from .resources.actions import Actions, AsyncActions
from .resources.api_keys import ApiKeys, AsyncApiKeys
from .resources.async_databases import AsyncDatabases
from .resources.async_instances import AsyncInstances
from .resources.catalog import AsyncCatalog, Catalog
from .resources.databases import Databases
from .resources.events import AsyncEvents, Events
from .resources.instances import Instances
from .resources.ssh_keys import AsyncSshKeys, SshKeys
from .types.catalog import Image, Plan, Region
from .types.databases import DatabaseEngine


class CloudNexus:
    """A blocking client. Options not given come from CLOUDNEXUS_API_KEY, CLOUDNEXUS_BASE_URL and
    CLOUDNEXUS_CA_CERT; `ca_file` is a PEM file to trust besides the system CAs (e.g. a self-signed server);
    `timeout` is per HTTP request, `wait_timeout` bounds `wait=True` and `actions.wait_for`."""

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        ca_file: Optional[str] = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
    ) -> None:
        options = resolve_options(
            api_key=api_key,
            base_url=base_url,
            ca_file=ca_file,
            timeout=timeout,
            max_retries=max_retries,
            wait_timeout=wait_timeout,
        )
        self.base_url = options.base_url
        self._transport = SyncTransport(options)
        self.account = AccountResource(self._transport)
        self.regions = Catalog(self._transport, "/regions", Region)
        self.plans = Catalog(self._transport, "/plans", Plan)
        self.images = Catalog(self._transport, "/images", Image)
        self.ssh_keys = SshKeys(self._transport)
        self.api_keys = ApiKeys(self._transport)
        self.actions = Actions(self._transport, options.wait_timeout)
        self.instances = Instances(self._transport, self.actions)
        self.databases = Databases(self._transport, self.actions)
        self.database_engines = Catalog(self._transport, "/database_engines", DatabaseEngine)
        self.events = Events(self._transport)

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> CloudNexus:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncCloudNexus:
    """The asyncio twin of `CloudNexus`, with the same options; use `async with` or `await client.close()`."""

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        ca_file: Optional[str] = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
    ) -> None:
        options = resolve_options(
            api_key=api_key,
            base_url=base_url,
            ca_file=ca_file,
            timeout=timeout,
            max_retries=max_retries,
            wait_timeout=wait_timeout,
        )
        self.base_url = options.base_url
        self._transport = AsyncTransport(options)
        self.account = AsyncAccountResource(self._transport)
        self.regions = AsyncCatalog(self._transport, "/regions", Region)
        self.plans = AsyncCatalog(self._transport, "/plans", Plan)
        self.images = AsyncCatalog(self._transport, "/images", Image)
        self.ssh_keys = AsyncSshKeys(self._transport)
        self.api_keys = AsyncApiKeys(self._transport)
        self.actions = AsyncActions(self._transport, options.wait_timeout)
        self.instances = AsyncInstances(self._transport, self.actions)
        self.databases = AsyncDatabases(self._transport, self.actions)
        self.database_engines = AsyncCatalog(self._transport, "/database_engines", DatabaseEngine)
        self.events = AsyncEvents(self._transport)

    async def close(self) -> None:
        await self._transport.close()

    async def __aenter__(self) -> AsyncCloudNexus:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        await self.close()
