"""Compute instances (async client). Operations answer at once; `wait=True` returns once they finished."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Literal, Optional, Union, overload

from .._transport import AsyncTransport
from ..pagination import AsyncPager
from ..types.actions import Action
from ..types.common import Page
from ..types.instances import Instance, InstanceActionAccepted, InstanceMetrics, InstanceStatus, MetricType
from ._base import AsyncResource
from ._instance_requests import (
    PATH,
    Operation,
    create_action,
    create_spec,
    instance_path,
    list_filters,
    metrics_params,
    operation_spec,
)
from .actions import AsyncActions

OperationResult = Union[InstanceActionAccepted, Action]


class AsyncInstances(AsyncResource):
    def __init__(self, transport: AsyncTransport, actions: AsyncActions) -> None:
        super().__init__(transport)
        self._actions = actions

    def list(
        self,
        *,
        region: Optional[str] = None,
        status: Optional[InstanceStatus] = None,
        name: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> AsyncPager[Instance]:
        """Every matching instance; `label_selector` takes the Kubernetes grammar (`env=prod,!legacy`)."""
        return self._pager(PATH, Instance, list_filters(region, status, name, label_selector, limit))

    async def list_page(
        self,
        *,
        region: Optional[str] = None,
        status: Optional[InstanceStatus] = None,
        name: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Instance]:
        return await self._page(PATH, Instance, list_filters(region, status, name, label_selector, limit), cursor)

    async def create(
        self,
        *,
        name: str,
        region: str,
        plan: str,
        image: str,
        ssh_keys: Optional[Sequence[str]] = None,
        user_data: Optional[str] = None,
        labels: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        wait: bool = False,
    ) -> Instance:
        """The new instance, `provisioning`; with `wait=True`, re-read once its create action completed."""
        spec = create_spec(
            name=name,
            region=region,
            plan=plan,
            image=image,
            ssh_keys=ssh_keys,
            user_data=user_data,
            labels=labels,
            idempotency_key=idempotency_key,
        )
        instance = await self._transport.request(spec, Instance)
        if not wait:
            return instance
        action = create_action(instance.id, [a async for a in self.actions(instance.id)])
        await self._actions.wait_for(action.id)
        return await self.retrieve(instance.id)

    async def retrieve(self, id: str) -> Instance:
        return await self._get(instance_path(id), Instance)

    async def metrics(
        self,
        id: str,
        *,
        type: MetricType,
        start: Union[datetime, str, None] = None,
        end: Union[datetime, str, None] = None,
        step: Optional[int] = None,
    ) -> InstanceMetrics:
        return await self._get(instance_path(id, "/metrics"), InstanceMetrics, metrics_params(type, start, end, step))

    def actions(self, id: str, *, limit: Optional[int] = None) -> AsyncPager[Action]:
        """Every action ever run on this instance, newest first."""
        return self._pager(instance_path(id, "/actions"), Action, {"limit": limit})

    @overload
    async def delete(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    async def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes the instance; it is gone (404) once the action completed."""
        return await self._operate(id, "delete", wait)

    @overload
    async def restart(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def restart(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def restart(self, id: str, *, wait: bool) -> OperationResult: ...

    async def restart(self, id: str, *, wait: bool = False) -> OperationResult:
        """Reboots a running instance (status `rebooting`, then `running`)."""
        return await self._operate(id, "restart", wait)

    @overload
    async def stop(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def stop(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def stop(self, id: str, *, wait: bool) -> OperationResult: ...

    async def stop(self, id: str, *, wait: bool = False) -> OperationResult:
        """Stops a running instance."""
        return await self._operate(id, "stop", wait)

    @overload
    async def start(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def start(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def start(self, id: str, *, wait: bool) -> OperationResult: ...

    async def start(self, id: str, *, wait: bool = False) -> OperationResult:
        """Starts a stopped instance."""
        return await self._operate(id, "start", wait)

    @overload
    async def resize(self, id: str, *, plan: str, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    async def resize(self, id: str, *, plan: str, wait: Literal[True]) -> Action: ...

    @overload
    async def resize(self, id: str, *, plan: str, wait: bool) -> OperationResult: ...

    async def resize(self, id: str, *, plan: str, wait: bool = False) -> OperationResult:
        """Moves the instance to another plan, keeping its status."""
        return await self._operate(id, "resize", wait, {"plan": plan})

    async def _operate(
        self, id: str, operation: Operation, wait: bool, body: Optional[Mapping[str, object]] = None
    ) -> OperationResult:
        accepted = await self._transport.request(operation_spec(id, operation, body), InstanceActionAccepted)
        return await self._actions.wait_for(accepted.action_id) if wait else accepted
