"""Typed models of every API response, with the API's own field names."""

from .account import Account, Quota, Quotas
from .actions import Action, ActionStatus
from .catalog import Image, Plan, Region
from .common import CloudNexusModel, ErrorDetail, Page, Pagination
from .databases import (
    Database,
    DatabaseActionAccepted,
    DatabaseBackup,
    DatabaseEngine,
    DatabaseMetrics,
    DatabasePasswordReset,
    DatabasePlan,
    DatabaseUser,
    DatabaseUserCreated,
)
from .events import Actor, ActorType, Event
from .instances import (
    Instance,
    InstanceActionAccepted,
    InstanceMetrics,
    InstanceStatus,
    MetricPoint,
    MetricSeries,
    MetricType,
)
from .keys import ApiKey, CreatedApiKey, SshKey

__all__ = [
    "Account",
    "Action",
    "ActionStatus",
    "Actor",
    "ActorType",
    "ApiKey",
    "CloudNexusModel",
    "CreatedApiKey",
    "Database",
    "DatabaseActionAccepted",
    "DatabaseBackup",
    "DatabaseEngine",
    "DatabaseMetrics",
    "DatabasePasswordReset",
    "DatabasePlan",
    "DatabaseUser",
    "DatabaseUserCreated",
    "ErrorDetail",
    "Event",
    "Image",
    "Instance",
    "InstanceActionAccepted",
    "InstanceMetrics",
    "InstanceStatus",
    "MetricPoint",
    "MetricSeries",
    "MetricType",
    "Page",
    "Pagination",
    "Plan",
    "Quota",
    "Quotas",
    "Region",
    "SshKey",
]
