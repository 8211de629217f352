"""Events: the account's audit trail of every change."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, Optional

from .common import CloudNexusModel

ActorType = Literal["api_key", "dashboard_user", "system"]


class Actor(CloudNexusModel):
    type: ActorType
    id: Optional[str]


class Event(CloudNexusModel):
    id: str
    type: str
    resource_type: str
    resource_id: str
    actor: Actor
    request_id: Optional[str]
    data: dict[str, Any]
    created_at: datetime
