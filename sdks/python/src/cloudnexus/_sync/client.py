# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""The client: one attribute per API resource. Written once for asyncio (`AsyncCloudNexus`); the blocking
`CloudNexus` is generated from it."""

from __future__ import annotations

from types import TracebackType
from typing import Optional

from .._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, DEFAULT_WAIT_TIMEOUT, resolve_options
from ._transport import SyncTransport
from .resources.account import SyncAccountResource
from .resources.actions import SyncActions
from .resources.api_keys import SyncApiKeys
from .resources.backup_policies import SyncBackupPolicies
from .resources.catalog import SyncDatabaseEngines, SyncPlans, SyncRegions
from .resources.container_images import SyncContainerImages
from .resources.containers import SyncContainers
from .resources.databases import SyncDatabases
from .resources.events import SyncEvents
from .resources.firewalls import SyncFirewalls
from .resources.functions import SyncFunctions
from .resources.images import SyncImages
from .resources.instances import SyncInstances
from .resources.load_balancers import SyncLoadBalancers
from .resources.networks import SyncNetworks
from .resources.reserved_ips import SyncReservedIps
from .resources.snapshots import SyncSnapshots
from .resources.ssh_keys import SyncSshKeys
from .resources.volumes import SyncVolumes
from .resources.vpcs import SyncVpcs
from .resources.webhooks import SyncWebhooks


class CloudNexus:
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
        self._transport = SyncTransport(options)
        self.account = SyncAccountResource(self._transport)
        self.regions = SyncRegions(self._transport)
        self.plans = SyncPlans(self._transport)
        self.database_engines = SyncDatabaseEngines(self._transport)
        self.ssh_keys = SyncSshKeys(self._transport)
        self.api_keys = SyncApiKeys(self._transport)
        self.actions = SyncActions(self._transport, options.wait_timeout)
        self.images = SyncImages(self._transport, self.actions)
        self.instances = SyncInstances(self._transport, self.actions)
        self.databases = SyncDatabases(self._transport, self.actions)
        self.events = SyncEvents(self._transport)
        self.vpcs = SyncVpcs(self._transport)
        self.networks = SyncNetworks(self._transport)
        self.firewalls = SyncFirewalls(self._transport)
        self.load_balancers = SyncLoadBalancers(self._transport, self.actions)
        self.functions = SyncFunctions(self._transport, self.actions)
        self.reserved_ips = SyncReservedIps(self._transport, self.actions)
        self.snapshots = SyncSnapshots(self._transport, self.actions)
        self.volumes = SyncVolumes(self._transport, self.actions, self.snapshots)
        self.backup_policies = SyncBackupPolicies(self._transport)
        self.webhooks = SyncWebhooks(self._transport)
        self.container_images = SyncContainerImages(self._transport)
        self.containers = SyncContainers(self._transport, self.actions)

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
