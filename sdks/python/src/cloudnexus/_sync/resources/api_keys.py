# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""API keys of the account: create (the secret is shown once), list, retrieve, rotate, revoke."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Optional

from ..._generated.models import ApiKey, ApiKeyList, CreatedApiKey, RotateApiKeyGracePeriod
from ..._request import utc_timestamp, without_none
from ..pagination import SyncPager
from ._base import SyncResource


class SyncApiKeys(SyncResource):
    def list(self, *, limit: Optional[int] = None) -> SyncPager[ApiKey]:
        return SyncPager(lambda cursor: self.list_page(limit=limit, cursor=cursor))

    def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> ApiKeyList:
        return self._transport.op("listApiKeys", model=ApiKeyList, query={"limit": limit, "cursor": cursor})

    def create(
        self,
        *,
        name: str,
        scopes: Optional[Sequence[str]] = None,
        regions: Optional[Sequence[str]] = None,
        expires_at: Optional[datetime] = None,
        idempotency_key: Optional[str] = None,
    ) -> CreatedApiKey:
        """Scopes and regions default to the calling key's own; `secret` in the answer is the only copy."""
        body = without_none(
            {
                "name": name,
                "scopes": list(scopes) if scopes is not None else None,
                "regions": list(regions) if regions is not None else None,
                "expires_at": utc_timestamp(expires_at) if expires_at is not None else None,
            }
        )
        return self._transport.op("createApiKey", model=CreatedApiKey, json=body, idempotency_key=idempotency_key)

    def retrieve(self, id: str) -> ApiKey:
        return self._transport.op("getApiKey", model=ApiKey, path={"id": id})

    def update(self, id: str, *, name: str) -> ApiKey:
        """Renames the API key (trimmed); its secret, scopes and regions stay."""
        return self._transport.op("patchApiKey", model=ApiKey, path={"id": id}, json={"name": name})

    def rotate(
        self, id: str, *, grace_period: RotateApiKeyGracePeriod, idempotency_key: Optional[str] = None
    ) -> CreatedApiKey:
        """A new key with the same settings; the old one keeps working for `grace_period`, then gets 401."""
        return self._transport.op(
            "rotateApiKey",
            model=CreatedApiKey,
            path={"id": id},
            json={"grace_period": grace_period},
            idempotency_key=idempotency_key,
        )

    def revoke(self, id: str) -> ApiKey:
        return self._transport.op("revokeApiKey", model=ApiKey, path={"id": id})
