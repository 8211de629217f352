"""Auto-pagination: iterate every item of a list, fetching the next page only when the previous one is used up."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import Callable, Generic, Optional

from .types.common import ItemT, Page

FetchPage = Callable[[Optional[str]], Page[ItemT]]
AsyncFetchPage = Callable[[Optional[str]], Awaitable[Page[ItemT]]]


def page_model(item: type[ItemT]) -> type[Page[ItemT]]:
    """The `Page` model of one item type, built at runtime (pydantic generics), for parsing list responses."""
    return Page[item]  # type: ignore[valid-type]


class SyncPager(Generic[ItemT]):
    """`for item in pager` walks every page; `pager.iter_pages()` yields the pages themselves."""

    def __init__(self, fetch_page: FetchPage[ItemT]) -> None:
        self._fetch_page = fetch_page

    def iter_pages(self) -> Iterator[Page[ItemT]]:
        cursor: Optional[str] = None
        while True:
            page = self._fetch_page(cursor)
            yield page
            cursor = page.pagination.next_cursor
            if not page.pagination.has_more or cursor is None:
                return

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.iter_pages():
            yield from page.data


class AsyncPager(Generic[ItemT]):
    """`async for item in pager` walks every page; `pager.iter_pages()` yields the pages themselves."""

    def __init__(self, fetch_page: AsyncFetchPage[ItemT]) -> None:
        self._fetch_page = fetch_page

    async def iter_pages(self) -> AsyncIterator[Page[ItemT]]:
        cursor: Optional[str] = None
        while True:
            page = await self._fetch_page(cursor)
            yield page
            cursor = page.pagination.next_cursor
            if not page.pagination.has_more or cursor is None:
                return

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item
