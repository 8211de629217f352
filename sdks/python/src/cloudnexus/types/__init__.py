"""Typed models of every API request and response, with the API's own field names.

All of them are generated from spec/openapi.json (see `cloudnexus._generated.models`); this namespace is where
users import them from. The names of the hand-written models they replaced stay as aliases."""

from .._generated.models import *  # noqa: F403
from .._generated.models import (
    AccountQuotas,
    EventActor,
    EventActorType,
    GetInstanceMetricsType,
    InstanceMetricsSeriesItem,
    InstanceMetricsSeriesItemPointsItem,
)
from .._generated.models import __all__ as _generated_names
from .._model import CloudNexusModel

Quotas = AccountQuotas
Actor = EventActor
ActorType = EventActorType
MetricType = GetInstanceMetricsType
MetricSeries = InstanceMetricsSeriesItem
MetricPoint = InstanceMetricsSeriesItemPointsItem

__all__ = [
    *_generated_names,
    "Actor",
    "ActorType",
    "CloudNexusModel",
    "MetricPoint",
    "MetricSeries",
    "MetricType",
    "Quotas",
]
