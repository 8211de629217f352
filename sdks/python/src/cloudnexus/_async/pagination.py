"""Auto-pagination: iterate every item of a list, fetching the next page only when the previous one is used up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Generic, Optional

from .._page import AsyncFetchPage, ItemT, ListPage


class AsyncPager(Generic[ItemT]):
    """Iterating the pager (`for`, or `async for` with the asyncio client) walks every item of every page;
    `pager.iter_pages()` yields the pages themselves."""

    def __init__(self, fetch_page: AsyncFetchPage[ItemT]) -> None:
        self._fetch_page = fetch_page

    async def iter_pages(self) -> AsyncIterator[ListPage[ItemT]]:
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
