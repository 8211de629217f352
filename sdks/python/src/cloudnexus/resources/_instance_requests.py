"""The requests behind the instance operations, built once for the sync and async instance resources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Literal, Optional, Union

from .._request import QueryValue, RequestSpec, path_segment
from ..errors import CloudNexusError
from ..types.actions import Action
from ..types.instances import InstanceStatus, MetricType

PATH = "/instances"
Operation = Literal["restart", "stop", "start", "resize", "delete"]


def instance_path(id: str, suffix: str = "") -> str:
    return f"{PATH}/{path_segment(id)}{suffix}"


def list_filters(
    region: Optional[str],
    status: Optional[InstanceStatus],
    name: Optional[str],
    label_selector: Optional[str],
    limit: Optional[int],
) -> dict[str, QueryValue]:
    return {"region": region, "status": status, "name": name, "label_selector": label_selector, "limit": limit}


def create_spec(
    *,
    name: str,
    region: str,
    plan: str,
    image: str,
    ssh_keys: Optional[Sequence[str]],
    user_data: Optional[str],
    labels: Optional[Mapping[str, str]],
    idempotency_key: Optional[str],
) -> RequestSpec:
    body: dict[str, object] = {"name": name, "region": region, "plan": plan, "image": image}
    if ssh_keys is not None:
        body["ssh_keys"] = list(ssh_keys)
    if user_data is not None:
        body["user_data"] = user_data
    if labels is not None:
        body["labels"] = dict(labels)
    return RequestSpec("POST", PATH, body=body, idempotency_key=idempotency_key)


def operation_spec(id: str, operation: Operation, body: Optional[Mapping[str, object]] = None) -> RequestSpec:
    if operation == "delete":
        return RequestSpec("DELETE", instance_path(id))
    return RequestSpec("PUT", instance_path(id, f"/{operation}"), body=body)


def metrics_params(
    type: MetricType,
    start: Union[datetime, str, None],
    end: Union[datetime, str, None],
    step: Optional[int],
) -> dict[str, QueryValue]:
    return {"type": type, "start": start, "end": end, "step": step}


def create_action(resource_id: str, actions: Sequence[Action]) -> Action:
    """The action that provisions a new instance or database, which its 201 answer does not name."""
    for action in actions:
        if action.type == "create":
            return action
    raise CloudNexusError(f"{resource_id} has no create action to wait for")
