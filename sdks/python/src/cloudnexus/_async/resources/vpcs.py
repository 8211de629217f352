"""VPCs: isolated private address spaces that networks, instances and load balancers live in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from ..._generated.models import Vpc, VpcList
from ..._request import merge_patch_body, without_none
from ..pagination import AsyncPager
from ._base import AsyncResource


class AsyncVpcs(AsyncResource):
    def list(
        self, *, region: Optional[str] = None, label_selector: Optional[str] = None, limit: Optional[int] = None
    ) -> AsyncPager[Vpc]:
        return AsyncPager(
            lambda cursor: self.list_page(region=region, label_selector=label_selector, limit=limit, cursor=cursor)
        )

    async def list_page(
        self,
        *,
        region: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> VpcList:
        return await self._transport.op(
            "listVpcs",
            model=VpcList,
            query={"region": region, "label_selector": label_selector, "limit": limit, "cursor": cursor},
        )

    async def create(
        self,
        *,
        name: str,
        region: str,
        ip_range: str,
        description: Optional[str] = None,
        labels: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> Vpc:
        """A new VPC over `ip_range` (a private IPv4 CIDR, e.g. `10.20.0.0/16`), ready at once."""
        body = without_none(
            {"name": name, "region": region, "ip_range": ip_range, "description": description, "labels": labels}
        )
        return await self._transport.op("createVpc", model=Vpc, json=body, idempotency_key=idempotency_key)

    async def retrieve(self, id: str) -> Vpc:
        return await self._transport.op("getVpc", model=Vpc, path={"id": id})

    async def patch(
        self, id: str, *, name: Optional[str] = None, labels: Optional[Mapping[str, Optional[str]]] = None
    ) -> Vpc:
        """Renames it or merges its labels (a merge-patch: only what is given changes; a label mapped to
        None is removed), where `update` replaces the labels. A name in use in the region is a ConflictError."""
        body = merge_patch_body(name=name, labels=labels)
        return await self._transport.op("patchVpc", model=Vpc, path={"id": id}, json=body)

    async def update(
        self,
        id: str,
        *,
        name: Optional[str] = None,
        description: Optional[str] = None,
        labels: Optional[Mapping[str, str]] = None,
    ) -> Vpc:
        """Renames it or changes its description or labels; fields left out keep their value."""
        body = without_none({"name": name, "description": description, "labels": labels})
        return await self._transport.op("updateVpc", model=Vpc, path={"id": id}, json=body)

    async def delete(self, id: str) -> None:
        """Deletes an empty VPC; ConflictError while networks or load balancers are in it, or for a default VPC."""
        await self._transport.op("deleteVpc", path={"id": id})
