"""API keys of the account: create (the secret is shown once), list, retrieve, rotate, revoke."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal, Optional

from .._request import RequestSpec, path_segment, utc_timestamp
from ..pagination import AsyncPager, SyncPager
from ..types.common import Page
from ..types.keys import ApiKey, CreatedApiKey
from ._base import AsyncResource, SyncResource

PATH = "/api_keys"

GracePeriod = Literal["none", "1h", "24h", "7d"]


def _rotate_spec(id: str, grace_period: GracePeriod, idempotency_key: Optional[str]) -> RequestSpec:
    body: dict[str, object] = {"grace_period": grace_period}
    return RequestSpec("POST", f"{PATH}/{path_segment(id)}/rotate", body=body, idempotency_key=idempotency_key)


def _create_spec(
    name: str,
    scopes: Optional[Sequence[str]],
    regions: Optional[Sequence[str]],
    expires_at: Optional[datetime],
    idempotency_key: Optional[str],
) -> RequestSpec:
    body: dict[str, object] = {"name": name}
    if scopes is not None:
        body["scopes"] = list(scopes)
    if regions is not None:
        body["regions"] = list(regions)
    if expires_at is not None:
        body["expires_at"] = utc_timestamp(expires_at)
    return RequestSpec("POST", PATH, body=body, idempotency_key=idempotency_key)


class ApiKeys(SyncResource):
    def list(self, *, limit: Optional[int] = None) -> SyncPager[ApiKey]:
        return self._pager(PATH, ApiKey, {"limit": limit})

    def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> Page[ApiKey]:
        return self._page(PATH, ApiKey, {"limit": limit}, cursor)

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
        spec = _create_spec(name, scopes, regions, expires_at, idempotency_key)
        return self._transport.request(spec, CreatedApiKey)

    def retrieve(self, id: str) -> ApiKey:
        return self._get(f"{PATH}/{path_segment(id)}", ApiKey)

    def rotate(self, id: str, *, grace_period: GracePeriod, idempotency_key: Optional[str] = None) -> CreatedApiKey:
        """A new key with the same settings; the old one keeps working for `grace_period`, then gets 401."""
        return self._transport.request(_rotate_spec(id, grace_period, idempotency_key), CreatedApiKey)

    def revoke(self, id: str) -> ApiKey:
        return self._transport.request(RequestSpec("DELETE", f"{PATH}/{path_segment(id)}"), ApiKey)


class AsyncApiKeys(AsyncResource):
    def list(self, *, limit: Optional[int] = None) -> AsyncPager[ApiKey]:
        return self._pager(PATH, ApiKey, {"limit": limit})

    async def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> Page[ApiKey]:
        return await self._page(PATH, ApiKey, {"limit": limit}, cursor)

    async def create(
        self,
        *,
        name: str,
        scopes: Optional[Sequence[str]] = None,
        regions: Optional[Sequence[str]] = None,
        expires_at: Optional[datetime] = None,
        idempotency_key: Optional[str] = None,
    ) -> CreatedApiKey:
        """Scopes and regions default to the calling key's own; `secret` in the answer is the only copy."""
        spec = _create_spec(name, scopes, regions, expires_at, idempotency_key)
        return await self._transport.request(spec, CreatedApiKey)

    async def retrieve(self, id: str) -> ApiKey:
        return await self._get(f"{PATH}/{path_segment(id)}", ApiKey)

    async def rotate(
        self, id: str, *, grace_period: GracePeriod, idempotency_key: Optional[str] = None
    ) -> CreatedApiKey:
        """A new key with the same settings; the old one keeps working for `grace_period`, then gets 401."""
        return await self._transport.request(_rotate_spec(id, grace_period, idempotency_key), CreatedApiKey)

    async def revoke(self, id: str) -> ApiKey:
        return await self._transport.request(RequestSpec("DELETE", f"{PATH}/{path_segment(id)}"), ApiKey)
