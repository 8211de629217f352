# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""The calling account."""

from __future__ import annotations

from ..._generated.models import Account
from ._base import SyncResource


class SyncAccountResource(SyncResource):
    def retrieve(self) -> Account:
        return self._transport.op("getAccount", model=Account)
