"""Managed databases, their engines, users and backups. Passwords appear only where the API shows them once."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional

from .common import CloudNexusModel
from .instances import MetricSeries

DatabaseEngineId = Literal["postgres", "mysql", "redis"]
DatabaseStatus = Literal["provisioning", "online", "resizing", "deleting"]
DatabaseMetricType = Literal["connections", "cpu", "storage"]


class DatabasePlan(CloudNexusModel):
    id: str
    description: str
    cpu: int
    memory_gb: float
    storage_gb: int
    price_hourly: float
    price_monthly: float


class DatabaseEngine(CloudNexusModel):
    id: DatabaseEngineId
    name: str
    versions: list[str]
    default_version: str
    port: int
    admin_user: str
    database_name: str
    plans: list[DatabasePlan]


class DatabaseConnection(CloudNexusModel):
    host: str
    port: int
    user: str
    password: Optional[str]
    """Only in the answer to `create`; None everywhere else."""
    database: str
    uri: str


class DatabaseBackups(CloudNexusModel):
    enabled: bool
    retention_days: int
    hour: int
    next_backup_at: datetime


class DatabaseProtection(CloudNexusModel):
    delete: bool


class Database(CloudNexusModel):
    id: str
    name: str
    region: str
    engine: DatabaseEngineId
    version: str
    plan: str
    node_count: int
    status: DatabaseStatus
    network_id: str
    connection: DatabaseConnection
    backups: DatabaseBackups
    protection: DatabaseProtection
    restored_from: Optional[str]
    labels: dict[str, str]
    created_at: datetime
    updated_at: datetime


class DatabaseActionAccepted(CloudNexusModel):
    """The 202 answer to resize, delete and user deletion: follow `action_id` to see it finish."""

    id: str
    status: DatabaseStatus
    message: str
    action_id: str


class DatabasePasswordReset(DatabaseActionAccepted):
    user: str
    password: str
    uri: str


class DatabaseUser(CloudNexusModel):
    name: str
    role: Literal["admin", "normal"]
    status: Literal["creating", "active", "deleting"]
    password: Optional[str]
    created_at: datetime


class DatabaseUserCreated(CloudNexusModel):
    user: DatabaseUser
    action_id: str


class DatabaseBackup(CloudNexusModel):
    id: str
    database_id: str
    region: str
    engine: DatabaseEngineId
    version: str
    plan: str
    size_mb: Optional[int]
    status: Literal["creating", "available", "deleting"]
    created_at: datetime


class DatabaseMetrics(CloudNexusModel):
    database_id: str
    type: DatabaseMetricType
    start: datetime
    end: datetime
    step: int
    series: list[MetricSeries]
