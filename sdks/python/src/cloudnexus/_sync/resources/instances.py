# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
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
from ..pagination import SyncPager
from ._base import SyncOperatingResource

OperationResult = Union[InstanceActionAccepted, Action]


class SyncInstances(SyncOperatingResource):
    def list(
        self,
        *,
        region: Optional[str] = None,
        status: Optional[ListInstancesStatus] = None,
        name: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> SyncPager[Instance]:
        """Every matching instance; `label_selector` takes the Kubernetes grammar (`env=prod,!legacy`)."""
        return SyncPager(
            lambda cursor: self.list_page(
                region=region, status=status, name=name, label_selector=label_selector, limit=limit, cursor=cursor
            )
        )

    def list_page(
        self,
        *,
        region: Optional[str] = None,
        status: Optional[ListInstancesStatus] = None,
        name: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> InstanceList:
        return self._transport.op(
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

    def create(
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
        instance = self._transport.op("createInstance", model=Instance, json=body, idempotency_key=idempotency_key)
        if not wait:
            return instance
        self._actions.wait_for_create(instance.id)
        return self.retrieve(instance.id)

    def retrieve(self, id: str) -> Instance:
        return self._transport.op("getInstance", model=Instance, path={"id": id})

    def update(
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
        return self._transport.op("patchInstance", model=Instance, path={"id": id}, json=body)

    def metrics(
        self,
        id: str,
        *,
        type: GetInstanceMetricsType,
        start: Union[datetime, str, None] = None,
        end: Union[datetime, str, None] = None,
        step: Optional[int] = None,
    ) -> InstanceMetrics:
        return self._transport.op(
            "getInstanceMetrics",
            model=InstanceMetrics,
            path={"id": id},
            query={"type": type, "start": start, "end": end, "step": step},
        )

    def console(self, id: str) -> InstanceConsole:
        """A short-lived URL to the instance's serial console."""
        return self._transport.op("getInstanceConsole", model=InstanceConsole, path={"id": id})

    def firewall_rules(self, id: str) -> InstanceFirewallRules:
        """The rules of every firewall that applies to the instance, merged."""
        return self._transport.op("getInstanceFirewallRules", model=InstanceFirewallRules, path={"id": id})

    def actions(self, id: str, *, limit: Optional[int] = None) -> SyncPager[Action]:
        """Every action ever run on this instance, newest first."""
        return SyncPager(lambda cursor: self.actions_page(id, limit=limit, cursor=cursor))

    def actions_page(self, id: str, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> ActionList:
        return self._transport.op(
            "listInstanceActions", model=ActionList, path={"id": id}, query={"limit": limit, "cursor": cursor}
        )

    @overload
    def delete(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes the instance; it is gone (404) once the action completed."""
        accepted = self._transport.op("deleteInstance", model=InstanceActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def restart(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def restart(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def restart(self, id: str, *, wait: bool) -> OperationResult: ...

    def restart(self, id: str, *, wait: bool = False) -> OperationResult:
        """Reboots a running instance (status `rebooting`, then `running`)."""
        accepted = self._transport.op("restartInstance", model=InstanceActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def stop(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def stop(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def stop(self, id: str, *, wait: bool) -> OperationResult: ...

    def stop(self, id: str, *, wait: bool = False) -> OperationResult:
        """Stops a running instance."""
        accepted = self._transport.op("stopInstance", model=InstanceActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def shutdown(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def shutdown(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def shutdown(self, id: str, *, wait: bool) -> OperationResult: ...

    def shutdown(self, id: str, *, wait: bool = False) -> OperationResult:
        """Shuts a running instance down gracefully (its OS is asked to stop; `stop` pulls the plug)."""
        accepted = self._transport.op("shutdownInstance", model=InstanceActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def power_cycle(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def power_cycle(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def power_cycle(self, id: str, *, wait: bool) -> OperationResult: ...

    def power_cycle(self, id: str, *, wait: bool = False) -> OperationResult:
        """Powers a running instance off and on again in one action (a hard reset)."""
        accepted = self._transport.op("powerCycleInstance", model=InstanceActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def start(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def start(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def start(self, id: str, *, wait: bool) -> OperationResult: ...

    def start(self, id: str, *, wait: bool = False) -> OperationResult:
        """Starts a stopped instance."""
        accepted = self._transport.op("startInstance", model=InstanceActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def resize(self, id: str, *, plan: str, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def resize(self, id: str, *, plan: str, wait: Literal[True]) -> Action: ...

    @overload
    def resize(self, id: str, *, plan: str, wait: bool) -> OperationResult: ...

    def resize(self, id: str, *, plan: str, wait: bool = False) -> OperationResult:
        """Moves the instance to another plan, keeping its status."""
        accepted = self._transport.op(
            "resizeInstance", model=InstanceActionAccepted, path={"id": id}, json={"plan": plan}
        )
        return self._finish(accepted, wait)

    @overload
    def snapshot(
        self, id: str, *, name: str, crash_consistent: Optional[bool] = None, wait: Literal[False] = False
    ) -> InstanceSnapshotAccepted: ...

    @overload
    def snapshot(
        self, id: str, *, name: str, crash_consistent: Optional[bool] = None, wait: Literal[True]
    ) -> Action: ...

    @overload
    def snapshot(
        self, id: str, *, name: str, crash_consistent: Optional[bool] = None, wait: bool
    ) -> Union[InstanceSnapshotAccepted, Action]: ...

    def snapshot(
        self, id: str, *, name: str, crash_consistent: Optional[bool] = None, wait: bool = False
    ) -> Union[InstanceSnapshotAccepted, Action]:
        """Captures the instance's disk as a custom image (`image_id`); a running one needs `crash_consistent=True`."""
        body = without_none({"name": name, "crash_consistent": crash_consistent})
        accepted = self._transport.op("snapshotInstance", model=InstanceSnapshotAccepted, path={"id": id}, json=body)
        return self._finish(accepted, wait)

    @overload
    def rebuild(self, id: str, *, image: str, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def rebuild(self, id: str, *, image: str, wait: Literal[True]) -> Action: ...

    @overload
    def rebuild(self, id: str, *, image: str, wait: bool) -> OperationResult: ...

    def rebuild(self, id: str, *, image: str, wait: bool = False) -> OperationResult:
        """Re-images the instance from an OS slug or a custom image id, keeping its id, address and volumes."""
        accepted = self._transport.op(
            "rebuildInstance", model=InstanceActionAccepted, path={"id": id}, json={"image": image}
        )
        return self._finish(accepted, wait)
