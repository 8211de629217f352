# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""The users of one managed database; a password is shown only in the answer to `create`."""

from __future__ import annotations

from typing import Literal, Optional, Union, overload

from ..._generated.models import Action, DatabaseActionAccepted, DatabaseUser, DatabaseUserCreated, DatabaseUserList
from ..pagination import SyncPager
from ._base import SyncOperatingResource

OperationResult = Union[DatabaseActionAccepted, Action]


class SyncDatabaseUsers(SyncOperatingResource):
    def list(self, database_id: str, *, limit: Optional[int] = None) -> SyncPager[DatabaseUser]:
        return SyncPager(lambda cursor: self.list_page(database_id, limit=limit, cursor=cursor))

    def list_page(
        self, database_id: str, *, limit: Optional[int] = None, cursor: Optional[str] = None
    ) -> DatabaseUserList:
        return self._transport.op(
            "listDatabaseUsers",
            model=DatabaseUserList,
            path={"id": database_id},
            query={"limit": limit, "cursor": cursor},
        )

    def create(
        self, database_id: str, *, name: str, idempotency_key: Optional[str] = None, wait: bool = False
    ) -> DatabaseUserCreated:
        """The new user with its password; with `wait=True`, returned once the user can log in."""
        created = self._transport.op(
            "createDatabaseUser",
            model=DatabaseUserCreated,
            path={"id": database_id},
            json={"name": name},
            idempotency_key=idempotency_key,
        )
        if wait:
            self._actions.wait_for(created.action_id)
        return created

    @overload
    def delete(self, database_id: str, name: str, *, wait: Literal[False] = False) -> DatabaseActionAccepted: ...

    @overload
    def delete(self, database_id: str, name: str, *, wait: Literal[True]) -> Action: ...

    @overload
    def delete(self, database_id: str, name: str, *, wait: bool) -> OperationResult: ...

    def delete(self, database_id: str, name: str, *, wait: bool = False) -> OperationResult:
        """Drops the user; the admin user cannot be deleted (ConflictError)."""
        accepted = self._transport.op(
            "deleteDatabaseUser", model=DatabaseActionAccepted, path={"id": database_id, "name": name}
        )
        return self._finish(accepted, wait)
