"""Credentials: SSH keys installed on instances, and API keys that call this API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional

from .common import CloudNexusModel


class SshKey(CloudNexusModel):
    id: str
    name: str
    public_key: str
    fingerprint: str
    type: Literal["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"]
    bits: int
    created_at: datetime


class ApiKey(CloudNexusModel):
    id: str
    name: str
    display: str
    status: Literal["active", "revoked", "expired"]
    scopes: list[str]
    regions: Optional[list[str]]
    expires_at: Optional[datetime]
    revoked_at: Optional[datetime]
    created_at: datetime
    last_used_at: Optional[datetime] = None
    # The key that replaced this one when it was rotated.
    replaced_by: Optional[str] = None


class CreatedApiKey(CloudNexusModel):
    key: ApiKey
    # Shown only once, in the response that created the key; None when an Idempotency-Key replays it.
    secret: Optional[str]
