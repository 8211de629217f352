"""Typed models of every API request and response, with the API's own field names.

All of them are generated from spec/openapi.json (see `cloudnexus._generated.models`); this namespace is where
users import them from. A few older names stay as aliases of the generated ones."""

from .._generated.models import *  # noqa: F403
from .._generated.models import (
    AccountQuotas,
    EventActor,
    GetInstanceMetricsType,
    ListActionsStatus,
    ListInstancesStatus,
)
from .._generated.models import __all__ as _generated_names

Quotas = AccountQuotas
Actor = EventActor
ActionStatus = ListActionsStatus
InstanceStatus = ListInstancesStatus
MetricType = GetInstanceMetricsType

__all__ = [*_generated_names, "ActionStatus", "Actor", "InstanceStatus", "MetricType", "Quotas"]
