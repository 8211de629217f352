"""The base of every generated wire model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class CloudNexusModel(BaseModel):
    # Fields the server adds later stay readable (as attributes) instead of being dropped or rejected.
    model_config = ConfigDict(extra="allow")
