"""The calling account."""

from __future__ import annotations

from ..._generated.models import Account
from ._base import AsyncResource


class AsyncAccountResource(AsyncResource):
    async def retrieve(self) -> Account:
        return await self._transport.op("getAccount", model=Account)
