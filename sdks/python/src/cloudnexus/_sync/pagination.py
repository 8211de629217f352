# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Auto-pagination: iterate every item of a list, fetching the next page only when the previous one is used up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, Optional

from .._page import ItemT, ListPage, SyncFetchPage


class SyncPager(Generic[ItemT]):
    """Iterating the pager (`for`, or `async for` with the asyncio client) walks every item of every page;
    `pager.iter_pages()` yields the pages themselves."""

    def __init__(self, fetch_page: SyncFetchPage[ItemT]) -> None:
        self._fetch_page = fetch_page

    def iter_pages(self) -> Iterator[ListPage[ItemT]]:
        cursor: Optional[str] = None
        while True:
            page = self._fetch_page(cursor)
            yield page
            cursor = page.pagination.next_cursor
            if not page.pagination.has_more or cursor is None:
                return

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.iter_pages():
            for item in page.data:
                yield item
