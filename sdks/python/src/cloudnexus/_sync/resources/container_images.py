# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Container images: `docker save` archives or OCI image layouts, uploaded once per region."""

from __future__ import annotations

from typing import Optional

from ..._generated.models import ContainerImage, ContainerImageList
from ..._request import RawBody
from ..pagination import SyncPager
from ._base import SyncResource


class SyncContainerImages(SyncResource):
    def list(self, *, region: Optional[str] = None, limit: Optional[int] = None) -> SyncPager[ContainerImage]:
        return SyncPager(lambda cursor: self.list_page(region=region, limit=limit, cursor=cursor))

    def list_page(
        self, *, region: Optional[str] = None, limit: Optional[int] = None, cursor: Optional[str] = None
    ) -> ContainerImageList:
        return self._transport.op(
            "listContainerImages", model=ContainerImageList, query={"region": region, "limit": limit, "cursor": cursor}
        )

    def upload(
        self,
        *,
        name: str,
        region: str,
        archive: bytes,
        idempotency_key: Optional[str] = None,
    ) -> ContainerImage:
        """Uploads an image archive (its bytes: `Path("image.tar").read_bytes()`), at most 1 GiB. The server
        checks every layer's digest and paths: an entry escaping the rootfs is an UnprocessableEntityError with
        reason `unsafe_layer_entry` naming it."""
        return self._transport.op(
            "uploadContainerImage",
            model=ContainerImage,
            query={"name": name, "region": region},
            raw=RawBody(archive, "application/x-tar"),
            idempotency_key=idempotency_key,
        )

    def retrieve(self, id: str) -> ContainerImage:
        return self._transport.op("getContainerImage", model=ContainerImage, path={"id": id})

    def delete(self, id: str) -> None:
        """Deletes the image and its files; one a container runs is a ConflictError."""
        self._transport.op("deleteContainerImage", path={"id": id})
