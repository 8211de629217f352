"""The calling account."""

from __future__ import annotations

from ..types.account import Account
from ._base import AsyncResource, SyncResource


class AccountResource(SyncResource):
    def retrieve(self) -> Account:
        return self._get("/account", Account)


class AsyncAccountResource(AsyncResource):
    async def retrieve(self) -> Account:
        return await self._get("/account", Account)
