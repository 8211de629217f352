"""SSH keys to install on new instances."""

from __future__ import annotations

from typing import Optional

from ..._generated.models import SshKey, SshKeyList
from ..pagination import AsyncPager
from ._base import AsyncResource


class AsyncSshKeys(AsyncResource):
    def list(self, *, limit: Optional[int] = None) -> AsyncPager[SshKey]:
        return AsyncPager(lambda cursor: self.list_page(limit=limit, cursor=cursor))

    async def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> SshKeyList:
        return await self._transport.op("listSshKeys", model=SshKeyList, query={"limit": limit, "cursor": cursor})

    async def create(self, *, name: str, public_key: str, idempotency_key: Optional[str] = None) -> SshKey:
        """Adds an OpenSSH public key line (ed25519, ECDSA, or RSA of at least 2048 bits)."""
        body = {"name": name, "public_key": public_key}
        return await self._transport.op("createSshKey", model=SshKey, json=body, idempotency_key=idempotency_key)

    async def retrieve(self, id: str) -> SshKey:
        return await self._transport.op("getSshKey", model=SshKey, path={"id": id})

    async def update(self, id: str, *, name: str) -> SshKey:
        """Renames the SSH key (trimmed; a blank name is a ValidationError); the key itself cannot change."""
        return await self._transport.op("patchSshKey", model=SshKey, path={"id": id}, json={"name": name})

    async def delete(self, id: str) -> None:
        await self._transport.op("deleteSshKey", path={"id": id})
