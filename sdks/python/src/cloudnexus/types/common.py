"""Shapes shared by every resource: the model base, error details and list pages."""

from __future__ import annotations

from typing import Generic, Optional, TypeVar

from pydantic import BaseModel, ConfigDict


class CloudNexusModel(BaseModel):
    # Fields the server adds later stay readable (as attributes) instead of being dropped or rejected.
    model_config = ConfigDict(extra="allow")


class ErrorDetail(CloudNexusModel):
    field: str
    message: str


class Pagination(CloudNexusModel):
    next_cursor: Optional[str]
    has_more: bool


ItemT = TypeVar("ItemT", bound=BaseModel)


class Page(CloudNexusModel, Generic[ItemT]):
    """One page of a list: `data` plus the cursor to the next page."""

    data: list[ItemT]
    pagination: Pagination
