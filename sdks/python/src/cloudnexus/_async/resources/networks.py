"""Private networks: subnets of a VPC that instances join."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from ..._generated.models import CreateNetworkEnvironment, ListNetworksEnvironment, Network, NetworkList
from ..._request import merge_patch_body, without_none
from ..pagination import AsyncPager
from ._base import AsyncResource


class AsyncNetworks(AsyncResource):
    def list(
        self,
        *,
        vpc_id: Optional[str] = None,
        environment: Optional[ListNetworksEnvironment] = None,
        region: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> AsyncPager[Network]:
        return AsyncPager(
            lambda cursor: self.list_page(
                vpc_id=vpc_id,
                environment=environment,
                region=region,
                label_selector=label_selector,
                limit=limit,
                cursor=cursor,
            )
        )

    async def list_page(
        self,
        *,
        vpc_id: Optional[str] = None,
        environment: Optional[ListNetworksEnvironment] = None,
        region: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> NetworkList:
        return await self._transport.op(
            "listNetworks",
            model=NetworkList,
            query={
                "vpc_id": vpc_id,
                "environment": environment,
                "region": region,
                "label_selector": label_selector,
                "limit": limit,
                "cursor": cursor,
            },
        )

    async def create(
        self,
        *,
        name: str,
        vpc_id: str,
        ip_range: str,
        environment: CreateNetworkEnvironment,
        labels: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> Network:
        """A new network over `ip_range`, which must lie inside the VPC's range and overlap no sibling's."""
        body = without_none(
            {"name": name, "vpc_id": vpc_id, "ip_range": ip_range, "environment": environment, "labels": labels}
        )
        return await self._transport.op("createNetwork", model=Network, json=body, idempotency_key=idempotency_key)

    async def retrieve(self, id: str) -> Network:
        return await self._transport.op("getNetwork", model=Network, path={"id": id})

    async def update(
        self, id: str, *, name: Optional[str] = None, labels: Optional[Mapping[str, Optional[str]]] = None
    ) -> Network:
        """Renames the network or changes its labels (a merge-patch: only what is given changes; a label
        mapped to None is removed). A name in use in the VPC is a ConflictError."""
        body = merge_patch_body(name=name, labels=labels)
        return await self._transport.op("patchNetwork", model=Network, path={"id": id}, json=body)

    async def delete(self, id: str) -> None:
        """Deletes an empty network; ConflictError while instances or databases are in it."""
        await self._transport.op("deleteNetwork", path={"id": id})
