"""Images: the OS catalog and your custom images. Make one with `instances.snapshot`; use it as the
`image` of `instances.create` or `instances.rebuild` in its own region."""

from __future__ import annotations

from typing import Literal, Optional, Union, overload

from ..._generated.models import Action, Image, ImageDeleteAccepted, ImageList, ListImagesType
from ..pagination import AsyncPager
from ._base import AsyncOperatingResource

OperationResult = Union[ImageDeleteAccepted, Action]


class AsyncImages(AsyncOperatingResource):
    def list(self, *, type: Optional[ListImagesType] = None, limit: Optional[int] = None) -> AsyncPager[Image]:
        """OS and custom images (`type` narrows to one kind), fetched `limit` per request as you iterate."""
        return AsyncPager(lambda cursor: self.list_page(type=type, limit=limit, cursor=cursor))

    async def list_page(
        self, *, type: Optional[ListImagesType] = None, limit: Optional[int] = None, cursor: Optional[str] = None
    ) -> ImageList:
        query = {"type": type, "limit": limit, "cursor": cursor}
        return await self._transport.op("listImages", model=ImageList, query=query)

    async def retrieve(self, id: str) -> Image:
        """An OS image by slug, or a custom image by id."""
        return await self._transport.op("getImage", model=Image, path={"id": id})

    @overload
    async def delete(self, id: str, *, wait: Literal[False] = False) -> ImageDeleteAccepted: ...

    @overload
    async def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    async def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes a custom image; an OS image is a ConflictError (reason `public_image`)."""
        accepted = await self._transport.op("deleteImage", model=ImageDeleteAccepted, path={"id": id})
        return await self._finish(accepted, wait)
