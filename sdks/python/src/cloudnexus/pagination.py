"""The pagers every `list(...)` returns: `async for` over an AsyncPager, `for` over a SyncPager."""

from ._async.pagination import AsyncPager
from ._page import ListPage
from ._sync.pagination import SyncPager

__all__ = ["AsyncPager", "ListPage", "SyncPager"]
