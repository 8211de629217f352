"""Compute instances (sync client). Operations answer at once; `wait=True` returns once they finished."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Literal, Optional, Union, overload

from .._transport import SyncTransport
from ..pagination import SyncPager
from ..types.actions import Action
from ..types.common import Page
from ..types.instances import Instance, InstanceActionAccepted, InstanceMetrics, InstanceStatus, MetricType
from ._base import SyncResource
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
from .actions import Actions

OperationResult = Union[InstanceActionAccepted, Action]


class Instances(SyncResource):
    def __init__(self, transport: SyncTransport, actions: Actions) -> None:
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
    ) -> SyncPager[Instance]:
        """Every matching instance; `label_selector` takes the Kubernetes grammar (`env=prod,!legacy`)."""
        return self._pager(PATH, Instance, list_filters(region, status, name, label_selector, limit))

    def list_page(
        self,
        *,
        region: Optional[str] = None,
        status: Optional[InstanceStatus] = None,
        name: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Instance]:
        return self._page(PATH, Instance, list_filters(region, status, name, label_selector, limit), cursor)

    def create(
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
        instance = self._transport.request(spec, Instance)
        if not wait:
            return instance
        action = create_action(instance.id, list(self.actions(instance.id)))
        self._actions.wait_for(action.id)
        return self.retrieve(instance.id)

    def retrieve(self, id: str) -> Instance:
        return self._get(instance_path(id), Instance)

    def metrics(
        self,
        id: str,
        *,
        type: MetricType,
        start: Union[datetime, str, None] = None,
        end: Union[datetime, str, None] = None,
        step: Optional[int] = None,
    ) -> InstanceMetrics:
        return self._get(instance_path(id, "/metrics"), InstanceMetrics, metrics_params(type, start, end, step))

    def actions(self, id: str, *, limit: Optional[int] = None) -> SyncPager[Action]:
        """Every action ever run on this instance, newest first."""
        return self._pager(instance_path(id, "/actions"), Action, {"limit": limit})

    @overload
    def delete(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes the instance; it is gone (404) once the action completed."""
        return self._operate(id, "delete", wait)

    @overload
    def restart(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def restart(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def restart(self, id: str, *, wait: bool) -> OperationResult: ...

    def restart(self, id: str, *, wait: bool = False) -> OperationResult:
        """Reboots a running instance (status `rebooting`, then `running`)."""
        return self._operate(id, "restart", wait)

    @overload
    def stop(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def stop(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def stop(self, id: str, *, wait: bool) -> OperationResult: ...

    def stop(self, id: str, *, wait: bool = False) -> OperationResult:
        """Stops a running instance."""
        return self._operate(id, "stop", wait)

    @overload
    def start(self, id: str, *, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def start(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def start(self, id: str, *, wait: bool) -> OperationResult: ...

    def start(self, id: str, *, wait: bool = False) -> OperationResult:
        """Starts a stopped instance."""
        return self._operate(id, "start", wait)

    @overload
    def resize(self, id: str, *, plan: str, wait: Literal[False] = False) -> InstanceActionAccepted: ...

    @overload
    def resize(self, id: str, *, plan: str, wait: Literal[True]) -> Action: ...

    @overload
    def resize(self, id: str, *, plan: str, wait: bool) -> OperationResult: ...

    def resize(self, id: str, *, plan: str, wait: bool = False) -> OperationResult:
        """Moves the instance to another plan, keeping its status."""
        return self._operate(id, "resize", wait, {"plan": plan})

    def _operate(
        self, id: str, operation: Operation, wait: bool, body: Optional[Mapping[str, object]] = None
    ) -> OperationResult:
        accepted = self._transport.request(operation_spec(id, operation, body), InstanceActionAccepted)
        return self._actions.wait_for(accepted.action_id) if wait else accepted
