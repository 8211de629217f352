"""Managed databases (asyncio client). Operations answer at once; `wait=True` returns once they finished."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Literal, Optional, Union, overload

from .._request import RequestSpec
from .._transport import AsyncTransport
from ..pagination import AsyncPager
from ..types.actions import Action
from ..types.common import Page
from ..types.databases import (
    Database,
    DatabaseActionAccepted,
    DatabaseBackup,
    DatabaseEngineId,
    DatabaseMetrics,
    DatabaseMetricType,
    DatabasePasswordReset,
    DatabaseUser,
    DatabaseUserCreated,
)
from ._base import AsyncResource
from ._database_requests import PATH, create_spec, database_path, list_filters, resize_spec, update_spec, user_path
from ._instance_requests import create_action
from .actions import AsyncActions

OperationResult = Union[DatabaseActionAccepted, Action]


class AsyncDatabaseUsers(AsyncResource):
    """The users of one database; a password is shown only in the answer to `create`."""

    def __init__(self, transport: AsyncTransport, actions: AsyncActions) -> None:
        super().__init__(transport)
        self._actions = actions

    def list(self, database_id: str, *, limit: Optional[int] = None) -> AsyncPager[DatabaseUser]:
        return self._pager(user_path(database_id), DatabaseUser, {"limit": limit})

    async def create(
        self, database_id: str, *, name: str, idempotency_key: Optional[str] = None, wait: bool = False
    ) -> DatabaseUserCreated:
        """The new user with its password; with `wait=True`, returned once the user can log in."""
        spec = RequestSpec("POST", user_path(database_id), body={"name": name}, idempotency_key=idempotency_key)
        created = await self._transport.request(spec, DatabaseUserCreated)
        if wait:
            await self._actions.wait_for(created.action_id)
        return created

    @overload
    async def delete(self, database_id: str, name: str, *, wait: Literal[False] = False) -> DatabaseActionAccepted: ...

    @overload
    async def delete(self, database_id: str, name: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def delete(self, database_id: str, name: str, *, wait: bool) -> OperationResult: ...

    async def delete(self, database_id: str, name: str, *, wait: bool = False) -> OperationResult:
        """Drops the user; the admin user cannot be deleted (ConflictError)."""
        accepted = await self._transport.request(
            RequestSpec("DELETE", user_path(database_id, name)), DatabaseActionAccepted
        )
        return await self._actions.wait_for(accepted.action_id) if wait else accepted


class AsyncDatabases(AsyncResource):
    def __init__(self, transport: AsyncTransport, actions: AsyncActions) -> None:
        super().__init__(transport)
        self._actions = actions
        self.users = AsyncDatabaseUsers(transport, actions)

    def list(
        self,
        *,
        region: Optional[str] = None,
        engine: Optional[DatabaseEngineId] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> AsyncPager[Database]:
        return self._pager(PATH, Database, list_filters(region, engine, label_selector, limit))

    async def list_page(
        self,
        *,
        region: Optional[str] = None,
        engine: Optional[DatabaseEngineId] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Database]:
        return await self._page(PATH, Database, list_filters(region, engine, label_selector, limit), cursor)

    async def create(
        self,
        *,
        name: str,
        plan: str,
        engine: Optional[DatabaseEngineId] = None,
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
        spec = create_spec(
            name=name,
            plan=plan,
            engine=engine,
            version=version,
            region=region,
            network_id=network_id,
            node_count=node_count,
            backups=backups,
            protect_delete=protect_delete,
            restore_from=restore_from,
            labels=labels,
            idempotency_key=idempotency_key,
        )
        database = await self._transport.request(spec, Database)
        if not wait:
            return database
        action = create_action(database.id, [a async for a in self._actions.list(resource_id=database.id)])
        await self._actions.wait_for(action.id)
        online = await self.retrieve(database.id)
        online.connection = database.connection
        return online

    async def retrieve(self, id: str) -> Database:
        return await self._get(database_path(id), Database)

    async def update(
        self,
        id: str,
        *,
        backups: Optional[Mapping[str, object]] = None,
        protect_delete: Optional[bool] = None,
        labels: Optional[Mapping[str, str]] = None,
    ) -> Database:
        """Changes the backup schedule, delete protection or labels at once."""
        return await self._transport.request(update_spec(id, backups, protect_delete, labels), Database)

    @overload
    async def delete(self, id: str, *, wait: Literal[False] = False) -> DatabaseActionAccepted: ...

    @overload
    async def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    @overload
    async def delete(self, id: str, *, wait: bool) -> OperationResult: ...

    async def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes the database and its backups; ConflictError while delete protection is on."""
        return await self._operate(RequestSpec("DELETE", database_path(id)), wait)

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
        return await self._operate(resize_spec(id, plan, node_count), wait)

    async def reset_password(self, id: str, *, wait: bool = False) -> DatabasePasswordReset:
        """A new admin password, shown in this answer only; with `wait=True`, returned once it works."""
        reset = await self._transport.request(
            RequestSpec("PUT", database_path(id, "/reset_password")), DatabasePasswordReset
        )
        if wait:
            await self._actions.wait_for(reset.action_id)
        return reset

    async def metrics(
        self,
        id: str,
        *,
        type: DatabaseMetricType,
        start: Union[datetime, str, None] = None,
        end: Union[datetime, str, None] = None,
        step: Optional[int] = None,
    ) -> DatabaseMetrics:
        params = {"type": type, "start": start, "end": end, "step": step}
        return await self._get(database_path(id, "/metrics"), DatabaseMetrics, params)

    def backups(self, id: str, *, limit: Optional[int] = None) -> AsyncPager[DatabaseBackup]:
        """Its daily backups, newest first; restore one with `create(restore_from=backup.id, ...)`."""
        return self._pager(database_path(id, "/backups"), DatabaseBackup, {"limit": limit})

    async def _operate(self, spec: RequestSpec, wait: bool) -> OperationResult:
        accepted = await self._transport.request(spec, DatabaseActionAccepted)
        return await self._actions.wait_for(accepted.action_id) if wait else accepted
