"""Compute instances, the answer to their asynchronous operations, and their metrics."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional

from .common import CloudNexusModel

InstanceStatus = Literal["provisioning", "running", "stopped", "rebooting", "resizing", "deleting"]
MetricType = Literal["cpu", "memory", "network"]


class Instance(CloudNexusModel):
    id: str
    name: str
    region: str
    status: InstanceStatus
    cpu: int
    memory_gb: float
    ipv4: Optional[str]
    plan: str
    image: str
    ssh_keys: list[str]
    labels: dict[str, str]
    created_at: datetime
    updated_at: datetime


class InstanceActionAccepted(CloudNexusModel):
    """The 202 answer to restart, stop, start, resize and delete: follow `action_id` to see it finish."""

    id: str
    status: InstanceStatus
    message: str
    action_id: str


class MetricPoint(CloudNexusModel):
    timestamp: datetime
    value: float


class MetricSeries(CloudNexusModel):
    name: str
    unit: str
    points: list[MetricPoint]


class InstanceMetrics(CloudNexusModel):
    instance_id: str
    type: MetricType
    start: datetime
    end: datetime
    step: int
    series: list[MetricSeries]
