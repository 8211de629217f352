# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Images: the OS catalog and your custom images. Make one with `instances.snapshot`; use it as the
`image` of `instances.create` or `instances.rebuild` in its own region."""

from __future__ import annotations

from typing import Literal, Optional, Union, overload

from ..._generated.models import Action, Image, ImageDeleteAccepted, ImageList, ListImagesType
from ..pagination import SyncPager
from ._base import SyncOperatingResource

OperationResult = Union[ImageDeleteAccepted, Action]


class SyncImages(SyncOperatingResource):
    def list(self, *, type: Optional[ListImagesType] = None, limit: Optional[int] = None) -> SyncPager[Image]:
        """OS and custom images (`type` narrows to one kind), fetched `limit` per request as you iterate."""
        return SyncPager(lambda cursor: self.list_page(type=type, limit=limit, cursor=cursor))

    def list_page(
        self, *, type: Optional[ListImagesType] = None, limit: Optional[int] = None, cursor: Optional[str] = None
    ) -> ImageList:
        query = {"type": type, "limit": limit, "cursor": cursor}
        return self._transport.op("listImages", model=ImageList, query=query)

    def retrieve(self, id: str) -> Image:
        """An OS image by slug, or a custom image by id."""
        return self._transport.op("getImage", model=Image, path={"id": id})

    @overload
    def delete(self, id: str, *, wait: Literal[False] = False) -> ImageDeleteAccepted: ...

    @overload
    def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes a custom image; an OS image is a ConflictError (reason `public_image`)."""
        accepted = self._transport.op("deleteImage", model=ImageDeleteAccepted, path={"id": id})
        return self._finish(accepted, wait)
