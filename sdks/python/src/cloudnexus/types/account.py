"""The calling account: tier, rate limit, quotas and their usage."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from .common import CloudNexusModel


class Quota(CloudNexusModel):
    limit: int
    used: int


class Quotas(CloudNexusModel):
    instances: Quota
    vcpus: Quota
    volumes: Quota
    volume_gb: Quota
    vpcs: Quota
    networks: Quota
    firewalls: Quota
    load_balancers: Quota
    databases: Quota


class Account(CloudNexusModel):
    id: str
    name: str
    tier: Literal["free", "pro", "enterprise"]
    rate_limit: int
    quotas: Quotas
    created_at: datetime
