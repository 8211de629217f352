"""CloudNexus: Python SDK for the CloudNexus v2 REST API."""

from . import webhooks
from ._async.client import AsyncCloudNexus
from ._sync.client import CloudNexus
from ._version import __version__
from .errors import (
    ActionFailedError,
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CloudNexusError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    WaitTimeoutError,
)
from .pagination import AsyncPager, SyncPager

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "ActionFailedError",
    "AsyncCloudNexus",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "CloudNexus",
    "CloudNexusError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SyncPager",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "__version__",
    "webhooks",
]
