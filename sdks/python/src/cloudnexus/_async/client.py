"""The client: one attribute per API resource. Written once for asyncio (`AsyncCloudNexus`); the blocking
`CloudNexus` is generated from it."""

from __future__ import annotations

from types import TracebackType
from typing import Optional

from .._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, DEFAULT_WAIT_TIMEOUT, resolve_options
from ._transport import AsyncTransport
from .resources.account import AsyncAccountResource
from .resources.actions import AsyncActions
from .resources.api_keys import AsyncApiKeys
from .resources.backup_policies import AsyncBackupPolicies
from .resources.catalog import AsyncDatabaseEngines, AsyncPlans, AsyncRegions
from .resources.container_images import AsyncContainerImages
from .resources.containers import AsyncContainers
from .resources.databases import AsyncDatabases
from .resources.events import AsyncEvents
from .resources.firewalls import AsyncFirewalls
from .resources.functions import AsyncFunctions
from .resources.images import AsyncImages
from .resources.instances import AsyncInstances
from .resources.load_balancers import AsyncLoadBalancers
from .resources.networks import AsyncNetworks
from .resources.reserved_ips import AsyncReservedIps
from .resources.snapshots import AsyncSnapshots
from .resources.ssh_keys import AsyncSshKeys
from .resources.volumes import AsyncVolumes
from .resources.vpcs import AsyncVpcs
from .resources.webhooks import AsyncWebhooks


class AsyncCloudNexus:
    """A client of the CloudNexus API. Options not given come from CLOUDNEXUS_API_KEY, CLOUDNEXUS_BASE_URL and
    CLOUDNEXUS_CA_CERT; `ca_file` is a PEM file to trust besides the system CAs (e.g. a self-signed server);
    `timeout` is per HTTP request, `wait_timeout` bounds `wait=True` and `actions.wait_for`.
    Close it when done: use it as a context manager or call `close()`."""

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
        self.regions = AsyncRegions(self._transport)
        self.plans = AsyncPlans(self._transport)
        self.database_engines = AsyncDatabaseEngines(self._transport)
        self.ssh_keys = AsyncSshKeys(self._transport)
        self.api_keys = AsyncApiKeys(self._transport)
        self.actions = AsyncActions(self._transport, options.wait_timeout)
        self.images = AsyncImages(self._transport, self.actions)
        self.instances = AsyncInstances(self._transport, self.actions)
        self.databases = AsyncDatabases(self._transport, self.actions)
        self.events = AsyncEvents(self._transport)
        self.vpcs = AsyncVpcs(self._transport)
        self.networks = AsyncNetworks(self._transport)
        self.firewalls = AsyncFirewalls(self._transport)
        self.load_balancers = AsyncLoadBalancers(self._transport, self.actions)
        self.functions = AsyncFunctions(self._transport, self.actions)
        self.reserved_ips = AsyncReservedIps(self._transport, self.actions)
        self.snapshots = AsyncSnapshots(self._transport, self.actions)
        self.volumes = AsyncVolumes(self._transport, self.actions, self.snapshots)
        self.backup_policies = AsyncBackupPolicies(self._transport)
        self.webhooks = AsyncWebhooks(self._transport)
        self.container_images = AsyncContainerImages(self._transport)
        self.containers = AsyncContainers(self._transport, self.actions)

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
