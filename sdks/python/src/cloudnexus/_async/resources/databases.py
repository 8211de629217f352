"""Managed databases. Operations answer at once; `wait=True` returns once they finished."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Literal, Optional, Union, overload

from ..._generated.models import (
    Action,
    CreateDatabaseEngine,
    Database,
    DatabaseActionAccepted,
    DatabaseBackup,
    DatabaseBackupList,
    DatabaseList,
    DatabaseMetrics,
    DatabasePasswordReset,
    GetDatabaseMetricsType,
    ListDatabasesEngine,
)
from ..._request import without_none
from .._transport import AsyncTransport
from ..pagination import AsyncPager
from ._base import AsyncOperatingResource
from .actions import AsyncActions
from .database_users import AsyncDatabaseUsers

OperationResult = Union[DatabaseActionAccepted, Action]


def _settings(
    backups: Optional[Mapping[str, object]], protect_delete: Optional[bool], labels: Optional[Mapping[str, str]]
) -> dict[str, object]:
    """The body fields that both create and update take."""
    return without_none(
        {
            "backups": dict(backups) if backups is not None else None,
            "protection": {"delete": protect_delete} if protect_delete is not None else None,
            "labels": dict(labels) if labels is not None else None,
        }
    )


class AsyncDatabases(AsyncOperatingResource):
    def __init__(self, transport: AsyncTransport, actions: AsyncActions) -> None:
        super().__init__(transport, actions)
        self.users = AsyncDatabaseUsers(transport, actions)

    def list(
        self,
        *,
        region: Optional[str] = None,
        engine: Optional[ListDatabasesEngine] = None,
        network_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> AsyncPager[Database]:
        return AsyncPager(
            lambda cursor: self.list_page(
                region=region,
                engine=engine,
                network_id=network_id,
                label_selector=label_selector,
                limit=limit,
                cursor=cursor,
            )
        )

    async def list_page(
        self,
        *,
        region: Optional[str] = None,
        engine: Optional[ListDatabasesEngine] = None,
        network_id: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> DatabaseList:
        return await self._transport.op(
            "listDatabases",
            model=DatabaseList,
            query={
                "region": region,
                "engine": engine,
                "network_id": network_id,
                "label_selector": label_selector,
                "limit": limit,
                "cursor": cursor,
            },
        )

    async def create(
        self,
        *,
        name: str,
        plan: str,
        engine: Optional[CreateDatabaseEngine] = None,
        version: Optional[str] = None,
        region: Optional[str] = None,
        network_id: Optional[str] = None,
        node_count: Optional[int] = None,
        backups: Optional[Mapping[str, object]] = None,
        protect_delete: Optional[bool] = None,
        restore_from: Optional[str] = None,
        labels: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        wait: bool = False,
    ) -> Database:
        """The new database, `provisioning`, with the admin password shown this once (`connection.password`).
        `restore_from` is a backup id. With `wait=True` it is re-read once online; the password is kept."""
        body = without_none(
            {
                "name": name,
                "plan": plan,
                "engine": engine,
                "version": version,
                "region": region,
                "network_id": network_id,
                "node_count": node_count,
                "restore_from": {"backup_id": restore_from} if restore_from is not None else None,
                **_settings(backups, protect_delete, labels),
            }
        )
        database = await self._transport.op(
            "createDatabase", model=Database, json=body, idempotency_key=idempotency_key
        )
        if not wait:
            return database
        await self._actions.wait_for_create(database.id)
        online = await self.retrieve(database.id)
        online.connection = database.connection
        return online

    async def retrieve(self, id: str) -> Database:
        return await self._transport.op("getDatabase", model=Database, path={"id": id})

    async def update(
        self,
        id: str,
        *,
        backups: Optional[Mapping[str, object]] = None,
        protect_delete: Optional[bool] = None,
        labels: Optional[Mapping[str, str]] = None,
    ) -> Database:
        """Changes the backup schedule, delete protection or labels at once."""
        body = _settings(backups, protect_delete, labels)
        return await self._transport.op("updateDatabase", model=Database, path={"id": id}, json=body)

    @overload
    async def delete(self, id: str, *, wait: Literal[False] = False) -> DatabaseActionAccepted: ...

    @overload
    async def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    async def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes the database and its backups; ConflictError while delete protection is on."""
        accepted = await self._transport.op("deleteDatabase", model=DatabaseActionAccepted, path={"id": id})
        return await self._finish(accepted, wait)

    @overload
    async def resize(
        self, id: str, *, plan: Optional[str] = None, node_count: Optional[int] = None, wait: Literal[False] = False
    ) -> DatabaseActionAccepted: ...

    @overload
    async def resize(
        self, id: str, *, plan: Optional[str] = None, node_count: Optional[int] = None, wait: Literal[True]
    ) -> Action: ...

    @overload
    async def resize(
        self, id: str, *, plan: Optional[str] = None, node_count: Optional[int] = None, wait: bool
    ) -> OperationResult: ...

    async def resize(
        self, id: str, *, plan: Optional[str] = None, node_count: Optional[int] = None, wait: bool = False
    ) -> OperationResult:
        """A new plan (storage only grows) and/or node count; `resizing`, then `online`."""
        accepted = await self._transport.op(
            "resizeDatabase",
            model=DatabaseActionAccepted,
            path={"id": id},
            json=without_none({"plan": plan, "node_count": node_count}),
        )
        return await self._finish(accepted, wait)

    async def reset_password(self, id: str, *, wait: bool = False) -> DatabasePasswordReset:
        """A new admin password, shown in this answer only; with `wait=True`, returned once it works."""
        reset = await self._transport.op("resetDatabasePassword", model=DatabasePasswordReset, path={"id": id})
        if wait:
            await self._actions.wait_for(reset.action_id)
        return reset

    async def metrics(
        self,
        id: str,
        *,
        type: GetDatabaseMetricsType,
        start: Union[datetime, str, None] = None,
        end: Union[datetime, str, None] = None,
        step: Optional[int] = None,
    ) -> DatabaseMetrics:
        return await self._transport.op(
            "getDatabaseMetrics",
            model=DatabaseMetrics,
            path={"id": id},
            query={"type": type, "start": start, "end": end, "step": step},
        )

    def backups(self, id: str, *, limit: Optional[int] = None) -> AsyncPager[DatabaseBackup]:
        """Its daily backups, newest first; restore one with `create(restore_from=backup.id, ...)`."""
        return AsyncPager(lambda cursor: self.backups_page(id, limit=limit, cursor=cursor))

    async def backups_page(
        self, id: str, *, limit: Optional[int] = None, cursor: Optional[str] = None
    ) -> DatabaseBackupList:
        return await self._transport.op(
            "listDatabaseBackups", model=DatabaseBackupList, path={"id": id}, query={"limit": limit, "cursor": cursor}
        )
