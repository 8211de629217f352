"""What every resource shares: GETs that parse into models, and list endpoints as pages and pagers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from .._request import ModelT, QueryValue, RequestSpec
from .._transport import AsyncTransport, SyncTransport
from ..pagination import AsyncPager, SyncPager, page_model
from ..types.common import ItemT, Page

Query = Mapping[str, QueryValue]


def _page_spec(path: str, params: Query, cursor: Optional[str]) -> RequestSpec:
    return RequestSpec("GET", path, params={**params, "cursor": cursor})


class SyncResource:
    def __init__(self, transport: SyncTransport) -> None:
        self._transport = transport

    def _get(self, path: str, model: type[ModelT], params: Optional[Query] = None) -> ModelT:
        return self._transport.request(RequestSpec("GET", path, params=params), model)

    def _page(self, path: str, item: type[ItemT], params: Query, cursor: Optional[str]) -> Page[ItemT]:
        return self._transport.request(_page_spec(path, params, cursor), page_model(item))

    def _pager(self, path: str, item: type[ItemT], params: Query) -> SyncPager[ItemT]:
        return SyncPager(lambda cursor: self._page(path, item, params, cursor))


class AsyncResource:
    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def _get(self, path: str, model: type[ModelT], params: Optional[Query] = None) -> ModelT:
        return await self._transport.request(RequestSpec("GET", path, params=params), model)

    async def _page(self, path: str, item: type[ItemT], params: Query, cursor: Optional[str]) -> Page[ItemT]:
        return await self._transport.request(_page_spec(path, params, cursor), page_model(item))

    def _pager(self, path: str, item: type[ItemT], params: Query) -> AsyncPager[ItemT]:
        return AsyncPager(lambda cursor: self._page(path, item, params, cursor))
