"""Actions: the record of every asynchronous operation, polled to learn when it finished."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional

from .common import CloudNexusModel

ActionStatus = Literal["in-progress", "completed", "errored"]


class Action(CloudNexusModel):
    id: str
    type: str
    status: ActionStatus
    resource_id: str
    resource_type: str
    started_at: datetime
    completed_at: Optional[datetime]
    error: Optional[str]
