# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Containers run from container images. Operations answer at once; `wait=True` returns once they finished."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Literal, Optional, Union, overload

from ..._generated.models import (
    Action,
    Container,
    ContainerActionAccepted,
    ContainerList,
    ContainerLogs,
    ContainerMetrics,
    ContainerPort,
    GetContainerMetricsType,
    ListContainersStatus,
)
from ..._request import merge_patch_body, without_none
from ..pagination import SyncPager
from ._base import SyncOperatingResource

ContainerOperationResult = Union[ContainerActionAccepted, Action]


class SyncContainers(SyncOperatingResource):
    def list(
        self,
        *,
        region: Optional[str] = None,
        status: Optional[ListContainersStatus] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> SyncPager[Container]:
        return SyncPager(
            lambda cursor: self.list_page(
                region=region, status=status, label_selector=label_selector, limit=limit, cursor=cursor
            )
        )

    def list_page(
        self,
        *,
        region: Optional[str] = None,
        status: Optional[ListContainersStatus] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> ContainerList:
        query = {"region": region, "status": status, "label_selector": label_selector, "limit": limit, "cursor": cursor}
        return self._transport.op("listContainers", model=ContainerList, query=query)

    def create(
        self,
        *,
        name: str,
        region: str,
        image_id: str,
        memory_mb: int,
        cpu: float,
        command: Optional[Sequence[str]] = None,
        environment: Optional[Mapping[str, str]] = None,
        ports: Optional[Sequence[Union[ContainerPort, Mapping[str, object]]]] = None,
        network_id: Optional[str] = None,
        labels: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        wait: bool = False,
    ) -> Container:
        """The new container, `provisioning` with its private address; with `wait=True`, re-read once its create
        action completed. Without `network_id` it joins the region's default network."""
        body = without_none(
            {
                "name": name,
                "region": region,
                "image_id": image_id,
                "memory_mb": memory_mb,
                "cpu": cpu,
                "command": list(command) if command is not None else None,
                "environment": dict(environment) if environment is not None else None,
                "ports": list(ports) if ports is not None else None,
                "network_id": network_id,
                "labels": dict(labels) if labels is not None else None,
            }
        )
        container = self._transport.op("createContainer", model=Container, json=body, idempotency_key=idempotency_key)
        if not wait:
            return container
        self._actions.wait_for_create(container.id)
        return self.retrieve(container.id)

    def retrieve(self, id: str) -> Container:
        return self._transport.op("getContainer", model=Container, path={"id": id})

    def update(
        self, id: str, *, name: Optional[str] = None, labels: Optional[Mapping[str, Optional[str]]] = None
    ) -> Container:
        """Renames the container or changes its labels (a merge-patch; a label mapped to None is removed)."""
        body = merge_patch_body(name=name, labels=labels)
        return self._transport.op("patchContainer", model=Container, path={"id": id}, json=body)

    def logs(self, id: str, *, tail: Optional[int] = None) -> ContainerLogs:
        """The last `tail` lines (default 100) of its stdout and stderr."""
        return self._transport.op("getContainerLogs", model=ContainerLogs, path={"id": id}, query={"tail": tail})

    def metrics(
        self,
        id: str,
        *,
        type: GetContainerMetricsType,
        start: Union[datetime, str, None] = None,
        end: Union[datetime, str, None] = None,
        step: Optional[int] = None,
    ) -> ContainerMetrics:
        return self._transport.op(
            "getContainerMetrics",
            model=ContainerMetrics,
            path={"id": id},
            query={"type": type, "start": start, "end": end, "step": step},
        )

    @overload
    def delete(self, id: str, *, wait: Literal[False] = False) -> ContainerActionAccepted: ...
    @overload
    def delete(self, id: str, *, wait: Literal[True]) -> Action: ...
    @overload
    def delete(self, id: str, *, wait: bool) -> ContainerOperationResult: ...
    def delete(self, id: str, *, wait: bool = False) -> ContainerOperationResult:
        """Deletes the container; it is gone (404) once the action completed."""
        accepted = self._transport.op("deleteContainer", model=ContainerActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def restart(self, id: str, *, wait: Literal[False] = False) -> ContainerActionAccepted: ...
    @overload
    def restart(self, id: str, *, wait: Literal[True]) -> Action: ...
    @overload
    def restart(self, id: str, *, wait: bool) -> ContainerOperationResult: ...
    def restart(self, id: str, *, wait: bool = False) -> ContainerOperationResult:
        """Restarts a running container (status `restarting`, then `running`)."""
        accepted = self._transport.op("restartContainer", model=ContainerActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def stop(self, id: str, *, wait: Literal[False] = False) -> ContainerActionAccepted: ...
    @overload
    def stop(self, id: str, *, wait: Literal[True]) -> Action: ...
    @overload
    def stop(self, id: str, *, wait: bool) -> ContainerOperationResult: ...
    def stop(self, id: str, *, wait: bool = False) -> ContainerOperationResult:
        """Stops a running container (SIGTERM, then SIGKILL after a grace period)."""
        accepted = self._transport.op("stopContainer", model=ContainerActionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    @overload
    def start(self, id: str, *, wait: Literal[False] = False) -> ContainerActionAccepted: ...
    @overload
    def start(self, id: str, *, wait: Literal[True]) -> Action: ...
    @overload
    def start(self, id: str, *, wait: bool) -> ContainerOperationResult: ...
    def start(self, id: str, *, wait: bool = False) -> ContainerOperationResult:
        """Starts a stopped container."""
        accepted = self._transport.op("startContainer", model=ContainerActionAccepted, path={"id": id})
        return self._finish(accepted, wait)
