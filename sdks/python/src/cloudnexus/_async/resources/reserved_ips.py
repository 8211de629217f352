"""Reserved IPs: public IPv4 addresses from the operator's pool, routed to one instance at a time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, Optional, Union, overload

from ..._generated.models import Action, ReservedIp, ReservedIpActionAccepted, ReservedIpList
from ..._request import without_none
from ..pagination import AsyncPager
from ._base import AsyncOperatingResource

OperationResult = Union[ReservedIpActionAccepted, Action]


class AsyncReservedIps(AsyncOperatingResource):
    def list(
        self,
        *,
        region: Optional[str] = None,
        instance_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> AsyncPager[ReservedIp]:
        return AsyncPager(
            lambda cursor: self.list_page(
                region=region, instance_id=instance_id, label_selector=label_selector, limit=limit, cursor=cursor
            )
        )

    async def list_page(
        self,
        *,
        region: Optional[str] = None,
        instance_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> ReservedIpList:
        return await self._transport.op(
            "listReservedIps",
            model=ReservedIpList,
            query={
                "region": region,
                "instance_id": instance_id,
                "label_selector": label_selector,
                "limit": limit,
                "cursor": cursor,
            },
        )

    async def create(
        self, *, region: str, labels: Optional[Mapping[str, str]] = None, idempotency_key: Optional[str] = None
    ) -> ReservedIp:
        """Reserves an address in `region`, unassigned (UnprocessableEntityError `pool_exhausted` when none is left)."""
        body = without_none({"region": region, "labels": labels})
        return await self._transport.op(
            "createReservedIp", model=ReservedIp, json=body, idempotency_key=idempotency_key
        )

    async def retrieve(self, id: str) -> ReservedIp:
        return await self._transport.op("getReservedIp", model=ReservedIp, path={"id": id})

    async def update(self, id: str, *, labels: Mapping[str, Optional[str]]) -> ReservedIp:
        """Changes the labels (a merge-patch: a label mapped to None is removed)."""
        return await self._transport.op(
            "patchReservedIp", model=ReservedIp, path={"id": id}, json=without_none({"labels": labels})
        )

    async def delete(self, id: str) -> None:
        """Releases the address to the pool; ConflictError (`has_dependents`) while it is assigned."""
        await self._transport.op("deleteReservedIp", path={"id": id})

    @overload
    async def assign(self, id: str, *, instance_id: str, wait: Literal[False] = False) -> ReservedIpActionAccepted: ...

    @overload
    async def assign(self, id: str, *, instance_id: str, wait: Literal[True]) -> Action: ...

    @overload
    async def assign(self, id: str, *, instance_id: str, wait: bool) -> OperationResult: ...

    async def assign(self, id: str, *, instance_id: str, wait: bool = False) -> OperationResult:
        """Routes the address to an instance in its region; an assigned address moves to it."""
        accepted = await self._transport.op(
            "assignReservedIp", model=ReservedIpActionAccepted, path={"id": id}, json={"instance_id": instance_id}
        )
        return await self._finish(accepted, wait)

    @overload
    async def unassign(self, id: str, *, wait: Literal[False] = False) -> ReservedIpActionAccepted: ...

    @overload
    async def unassign(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def unassign(self, id: str, *, wait: bool) -> OperationResult: ...

    async def unassign(self, id: str, *, wait: bool = False) -> OperationResult:
        """Stops routing the address to its instance (status `unassigned` once done)."""
        accepted = await self._transport.op("unassignReservedIp", model=ReservedIpActionAccepted, path={"id": id})
        return await self._finish(accepted, wait)
