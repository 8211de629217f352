"""What a list answer looks like to the pagers, whichever generated `<Resource>List` model it is."""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from typing import Callable, Optional, Protocol, TypeVar

from ._generated.models import Pagination

ItemT = TypeVar("ItemT")
ItemT_co = TypeVar("ItemT_co", covariant=True)


class ListPage(Protocol[ItemT_co]):
    """One page of a list: `data` plus the cursor to the next page (every generated `…List` model)."""

    @property
    def data(self) -> Sequence[ItemT_co]: ...

    @property
    def pagination(self) -> Pagination: ...


# Fetches the page after `cursor` (None: the first page). The sync client's is generated from the async one.
SyncFetchPage = Callable[[Optional[str]], ListPage[ItemT]]
AsyncFetchPage = Callable[[Optional[str]], Awaitable[ListPage[ItemT]]]
