"""Compute instances. Operations answer at once; `wait=True` returns once they finished."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Literal, Optional, Union, overload

from ..._generated.models import (
    Action,
    ActionList,
    GetInstanceMetricsType,
    Instance,
    InstanceActionAccepted,
    InstanceConsole,
    InstanceFirewallRules,
    InstanceList,
    InstanceMetrics,
    InstanceSnapshotAccepted,
    ListInstancesStatus,
)
from ..._request import merge_patch_body, without_none
from ..pagination import AsyncPager
from ._base import AsyncOperatingResource

OperationResult = Union[InstanceActionAccepted, Action]


class AsyncInstances(AsyncOperatingResource):
    def list(
        self,
        *,
        region: Optional[str] = None,
        status: Optional[ListInstancesStatus] = None,
        name: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> AsyncPager[Instance]:
        """Every matching instance; `label_selector` takes the Kubernetes grammar (`env=prod,!legacy`)."""
        return AsyncPager(
            lambda cursor: self.list_page(
                region=region, status=status, name=name, label_selector=label_selector, limit=limit, cursor=cursor
            )
        )

    async def list_page(
        self,
        *,
        region: Optional[str] = None,
        status: Optional[ListInstancesStatus] = None,
        name: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> InstanceList:
        return await self._transport.op(
            "listInstances",
            model=InstanceList,
            query={
                "region": region,
                "status": status,
                "name": name,
                "label_selector": label_selector,
                "limit": limit,
                "cursor": cursor,
            },
        )

    async def create(
        self,
        *,
        name: str,
        region: str,
        plan: str,
        image: str,
        ssh_keys: Optional[Sequence[str]] = None,
        user_data: Optional[str] = None,
        network_id: Optional[str] = None,
        labels: Optional[Mapping[str, str]] = None,
        public_ip: Optional[bool] = None,
        idempotency_key: Optional[str] = None,
        wait: bool = False,
    ) -> Instance:
        """The new instance, `provisioning`; with `wait=True`, re-read once its create action completed.
        Without `network_id` it joins the region's default network; `public_ip=True` reserves and assigns
        a public address (`public_ipv4`), released with the instance."""
        body = without_none(
            {
                "name": name,
                "region": region,
                "plan": plan,
                "image": image,
                "ssh_keys": list(ssh_keys) if ssh_keys is not None else None,
                "user_data": user_data,
                "network_id": network_id,
                "labels": dict(labels) if labels is not None else None,
                "public_ip": public_ip,
            }
        )
        instance = await self._transport.op(
            "createInstance", model=Instance, json=body, idempotency_key=idempotency_key
        )
        if not wait:
            return instance
        await self._actions.wait_for_create(instance.id)
        return await self.retrieve(instance.id)

    async def retrieve(self, id: str) -> Instance:
        return await self._transport.op("getInstance", model=Instance, path={"id": id})

    async def update(
        self,
        id: str,
        *,
        name: Optional[str] = None,
        labels: Optional[Mapping[str, Optional[str]]] = None,
        delete_protection: Optional[bool] = None,
        rebuild_protection: Optional[bool] = None,
    ) -> Instance:
        """Renames the instance or changes its labels or protection (a merge-patch: only what is given
        changes; a label mapped to None is removed). A name in use in the region is a ConflictError."""
        body = merge_patch_body(
            name=name, labels=labels, delete_protection=delete_protection, rebuild_protection=rebuild_protection
        )
        return await self._transport.op("patchInstance", model=Instance, path={"id": id}, json=body)

    async def metrics(
        self,
        id: str,
        *,
        type: GetInstanceMetricsType,
        start: Union[datetime, str, None] = None,
        end: Union[datetime, str, None] = None,
        step: Optional[int] = None,
    ) -> InstanceMetrics:
        return await self._transport.op(
            "getInstanceMetrics",
            model=InstanceMetrics,
            path={"id": id},
            query={"type": type, "start": start, "end": end, "step": step},
        )

    async def console(self, id: str) -> InstanceConsole:
        """A short-lived URL to the instance's serial console."""
        return await self._transport.op("getInstanceConsole", model=InstanceConsole, path={"id": id})

    async def firewall_rules(self, id: str) -> InstanceFirewallRules:
        """The rules of every firewall that applies to the instance, merged."""
        return await self._transport.op("getInstanceFirewallRules", model=InstanceFirewallRules, path={"id": id})

    def actions(self, id: str, *, limit: Optional[int] = None) -> AsyncPager[Action]:
        """Every action ever run on this instance, newest first."""
        return AsyncPager(lambda cursor: self.actions_page(id, limit=limit, cursor=cursor))

    async def actions_page(self, id: str, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> ActionList:
        return await self._transport.op(
            "listInstanceActions", model=ActionList, path={"id": id}, query={"limit": limit, "cursor": cursor}
        )

    @overload
    async def delete(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    async def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes the instance; it is gone (404) once the action completed."""
        accepted = await self._transport.op("deleteInstance", model=InstanceActionAccepted, path={"id": id})
        return await self._finish(accepted, wait)

    @overload
    async def restart(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def restart(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def restart(self, id: str, *, wait: bool) -> OperationResult: ...

    async def restart(self, id: str, *, wait: bool = False) -> OperationResult:
        """Reboots a running instance (status `rebooting`, then `running`)."""
        accepted = await self._transport.op("restartInstance", model=InstanceActionAccepted, path={"id": id})
        return await self._finish(accepted, wait)

    @overload
    async def stop(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def stop(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def stop(self, id: str, *, wait: bool) -> OperationResult: ...

    async def stop(self, id: str, *, wait: bool = False) -> OperationResult:
        """Stops a running instance."""
        accepted = await self._transport.op("stopInstance", model=InstanceActionAccepted, path={"id": id})
        return await self._finish(accepted, wait)

    @overload
    async def shutdown(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def shutdown(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def shutdown(self, id: str, *, wait: bool) -> OperationResult: ...

    async def shutdown(self, id: str, *, wait: bool = False) -> OperationResult:
        """Shuts a running instance down gracefully (its OS is asked to stop; `stop` pulls the plug)."""
        accepted = await self._transport.op("shutdownInstance", model=InstanceActionAccepted, path={"id": id})
        return await self._finish(accepted, wait)

    @overload
    async def power_cycle(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def power_cycle(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def power_cycle(self, id: str, *, wait: bool) -> OperationResult: ...

    async def power_cycle(self, id: str, *, wait: bool = False) -> OperationResult:
        """Powers a running instance off and on again in one action (a hard reset)."""
        accepted = await self._transport.op("powerCycleInstance", model=InstanceActionAccepted, path={"id": id})
        return await self._finish(accepted, wait)

    @overload
    async def start(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def start(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def start(self, id: str, *, wait: bool) -> OperationResult: ...

    async def start(self, id: str, *, wait: bool = False) -> OperationResult:
        """Starts a stopped instance."""
        accepted = await self._transport.op("startInstance", model=InstanceActionAccepted, path={"id": id})
        return await self._finish(accepted, wait)

    @overload
    async def resize(self, id: str, *, plan: str, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def resize(self, id: str, *, plan: str, wait: Literal[True]) -> Action: ...

    @overload
    async def resize(self, id: str, *, plan: str, wait: bool) -> OperationResult: ...

    async def resize(self, id: str, *, plan: str, wait: bool = False) -> OperationResult:
        """Moves the instance to another plan, keeping its status."""
        accepted = await self._transport.op(
            "resizeInstance", model=InstanceActionAccepted, path={"id": id}, json={"plan": plan}
        )
        return await self._finish(accepted, wait)

    @overload
    async def snapshot(
        self, id: str, *, name: str, crash_consistent: Optional[bool] = None, wait: Literal[False] = False
    ) -> InstanceSnapshotAccepted: ...

    @overload
    async def snapshot(
        self, id: str, *, name: str, crash_consistent: Optional[bool] = None, wait: Literal[True]
    ) -> Action: ...

    @overload
    async def snapshot(
        self, id: str, *, name: str, crash_consistent: Optional[bool] = None, wait: bool
    ) -> Union[InstanceSnapshotAccepted, Action]: ...

    async def snapshot(
        self, id: str, *, name: str, crash_consistent: Optional[bool] = None, wait: bool = False
    ) -> Union[InstanceSnapshotAccepted, Action]:
        """Captures the instance's disk as a custom image (`image_id`); a running one needs `crash_consistent=True`."""
        body = without_none({"name": name, "crash_consistent": crash_consistent})
        accepted = await self._transport.op(
            "snapshotInstance", model=InstanceSnapshotAccepted, path={"id": id}, json=body
        )
        return await self._finish(accepted, wait)

    @overload
    async def rebuild(self, id: str, *, image: str, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def rebuild(self, id: str, *, image: str, wait: Literal[True]) -> Action: ...

    @overload
    async def rebuild(self, id: str, *, image: str, wait: bool) -> OperationResult: ...

    async def rebuild(self, id: str, *, image: str, wait: bool = False) -> OperationResult:
        """Re-images the instance from an OS slug or a custom image id, keeping its id, address and volumes."""
        accepted = await self._transport.op(
            "rebuildInstance", model=InstanceActionAccepted, path={"id": id}, json={"image": image}
        )
        return await self._finish(accepted, wait)
