"""SSH keys to install on new instances."""

from __future__ import annotations

from typing import Optional

from .._request import RequestSpec, path_segment
from ..pagination import AsyncPager, SyncPager
from ..types.common import Page
from ..types.keys import SshKey
from ._base import AsyncResource, SyncResource

PATH = "/ssh_keys"


def _create_spec(name: str, public_key: str, idempotency_key: Optional[str]) -> RequestSpec:
    return RequestSpec("POST", PATH, body={"name": name, "public_key": public_key}, idempotency_key=idempotency_key)


class SshKeys(SyncResource):
    def list(self, *, limit: Optional[int] = None) -> SyncPager[SshKey]:
        return self._pager(PATH, SshKey, {"limit": limit})

    def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> Page[SshKey]:
        return self._page(PATH, SshKey, {"limit": limit}, cursor)

    def create(self, *, name: str, public_key: str, idempotency_key: Optional[str] = None) -> SshKey:
        """Adds an OpenSSH public key line (ed25519, ECDSA, or RSA of at least 2048 bits)."""
        return self._transport.request(_create_spec(name, public_key, idempotency_key), SshKey)

    def retrieve(self, id: str) -> SshKey:
        return self._get(f"{PATH}/{path_segment(id)}", SshKey)

    def delete(self, id: str) -> None:
        self._transport.send(RequestSpec("DELETE", f"{PATH}/{path_segment(id)}"))


class AsyncSshKeys(AsyncResource):
    def list(self, *, limit: Optional[int] = None) -> AsyncPager[SshKey]:
        return self._pager(PATH, SshKey, {"limit": limit})

    async def list_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> Page[SshKey]:
        return await self._page(PATH, SshKey, {"limit": limit}, cursor)

    async def create(self, *, name: str, public_key: str, idempotency_key: Optional[str] = None) -> SshKey:
        """Adds an OpenSSH public key line (ed25519, ECDSA, or RSA of at least 2048 bits)."""
        return await self._transport.request(_create_spec(name, public_key, idempotency_key), SshKey)

    async def retrieve(self, id: str) -> SshKey:
        return await self._get(f"{PATH}/{path_segment(id)}", SshKey)

    async def delete(self, id: str) -> None:
        await self._transport.send(RequestSpec("DELETE", f"{PATH}/{path_segment(id)}"))
