"""Read-only catalogs: where (regions), how big (plans) and what (images) an instance can be."""

from __future__ import annotations

from .common import CloudNexusModel


class Region(CloudNexusModel):
    id: str
    name: str
    country: str
    available: bool


class Plan(CloudNexusModel):
    id: str
    description: str
    cpu: int
    memory_gb: float
    disk_gb: int
    price_hourly: float
    price_monthly: float


class Image(CloudNexusModel):
    id: str
    name: str
    distribution: str
    version: str
    architecture: str
