# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Reserved IPs: public IPv4 addresses from the operator's pool, routed to one instance at a time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, Optional, Union, overload

from ..._generated.models import Action, ReservedIp, ReservedIpActionAccepted, ReservedIpList
from ..._request import without_none
from ..pagination import SyncPager
from ._base import SyncOperatingResource

OperationResult = Union[ReservedIpActionAccepted, Action]


class SyncReservedIps(SyncOperatingResource):
    def list(
        self,
        *,
        region: Optional[str] = None,
        instance_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> SyncPager[ReservedIp]:
        return SyncPager(
            lambda cursor: self.list_page(
                region=region, instance_id=instance_id, label_selector=label_selector, limit=limit, cursor=cursor
            )
        )

    def list_page(
        self,
        *,
        region: Optional[str] = None,
        instance_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> ReservedIpList:
        return self._transport.op(
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

    def create(
        self, *, region: str, labels: Optional[Mapping[str, str]] = None, idempotency_key: Optional[str] = None
    ) -> ReservedIp:
        """Reserves an address in `region`, unassigned (UnprocessableEntityError `pool_exhausted` when none is left)."""
        body = without_none({"region": region, "labels": labels})
        return self._transport.op("createReservedIp", model=ReservedIp, json=body, idempotency_key=idempotency_key)

    def retrieve(self, id: str) -> ReservedIp:
        return self._transport.op("getReservedIp", model=ReservedIp, path={"id": id})

    def update(self, id: str, *, labels: Mapping[str, Optional[str]]) -> ReservedIp:
        """Changes the labels (a merge-patch: a label mapped to None is removed)."""
        return self._transport.op(
            "patchReservedIp", model=ReservedIp, path={"id": id}, json=without_none({"labels": labels})
        )

    def delete(self, id: str) -> None:
        """Releases the address to the pool; ConflictError (`has_dependents`) while it is assigned."""
        self._transport.op("deleteReservedIp", path={"id": id})

    @overload
    def assign(self, id: str, *, instance_id: str, wait: Literal[False] = False) -> ReservedIpActionAccepted: ...

    @overload
    def assign(self, id: str, *, instance_id: str, wait: Literal[True]) -> Action: ...

    @overload
    def assign(self, id: str, *, instance_id: str, wait: bool) -> OperationResult: ...

    def assign(self, id: str, *, instance_id: str, wait: bool = False) -> OperationResult:
        """Routes the address to an instance in its region; an assigned address moves to it."""
        accepted = self._transport.op(
            "assignReservedIp", model=ReservedIpActionAccepted, path={"id": id}, json={"instance_id": instance_id}
        )
        return self._finish(accepted, wait)

    @overload
    def unassign(self, id: str, *, wait: Literal[False] = False) -> ReservedIpActionAccepted: ...

    @overload
    def unassign(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def unassign(self, id: str, *, wait: bool) -> OperationResult: ...

    def unassign(self, id: str, *, wait: bool = False) -> OperationResult:
        """Stops routing the address to its instance (status `unassigned` once done)."""
        accepted = self._transport.op("unassignReservedIp", model=ReservedIpActionAccepted, path={"id": id})
        return self._finish(accepted, wait)
