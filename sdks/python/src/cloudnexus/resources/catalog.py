"""Regions, plans and images: three read-only catalogs with the same list and retrieve operations."""

from __future__ import annotations

from typing import Generic, Optional

from .._request import path_segment
from .._transport import AsyncTransport, SyncTransport
from ..pagination import AsyncPager, SyncPager
from ..types.common import ItemT, Page
from ._base import AsyncResource, SyncResource


class Catalog(SyncResource, Generic[ItemT]):
    def __init__(self, transport: SyncTransport, path: str, item: type[ItemT]) -> None:
        super().__init__(transport)
        self._path = path
        self._item = item

    def list(self, *, limit: Optional[int] = None) -> SyncPager[ItemT]:
        """Every entry, fetched `limit` per request as you iterate."""
        return self._pager(self._path, self._item, {"limit": limit})

    def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> Page[ItemT]:
        return self._page(self._path, self._item, {"limit": limit}, cursor)

    def retrieve(self, id: str) -> ItemT:
        return self._get(f"{self._path}/{path_segment(id)}", self._item)


class AsyncCatalog(AsyncResource, Generic[ItemT]):
    def __init__(self, transport: AsyncTransport, path: str, item: type[ItemT]) -> None:
        super().__init__(transport)
        self._path = path
        self._item = item

    def list(self, *, limit: Optional[int] = None) -> AsyncPager[ItemT]:
        """Every entry, fetched `limit` per request as you iterate."""
        return self._pager(self._path, self._item, {"limit": limit})

    async def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> Page[ItemT]:
        return await self._page(self._path, self._item, {"limit": limit}, cursor)

    async def retrieve(self, id: str) -> ItemT:
        return await self._get(f"{self._path}/{path_segment(id)}", self._item)
