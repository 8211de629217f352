"""The requests behind the database operations, built once for the sync and async database resources."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from .._request import QueryValue, RequestSpec, path_segment
from ..types.databases import DatabaseEngineId

PATH = "/databases"


def database_path(id: str, suffix: str = "") -> str:
    return f"{PATH}/{path_segment(id)}{suffix}"


def user_path(id: str, name: Optional[str] = None) -> str:
    return database_path(id, "/users" if name is None else f"/users/{path_segment(name)}")


def list_filters(
    region: Optional[str], engine: Optional[DatabaseEngineId], label_selector: Optional[str], limit: Optional[int]
) -> dict[str, QueryValue]:
    return {"region": region, "engine": engine, "label_selector": label_selector, "limit": limit}


def without_none(values: Mapping[str, object]) -> dict[str, object]:
    return {key: value for key, value in values.items() if value is not None}


def create_spec(
    *,
    name: str,
    plan: str,
    engine: Optional[DatabaseEngineId],
    version: Optional[str],
    region: Optional[str],
    network_id: Optional[str],
    node_count: Optional[int],
    backups: Optional[Mapping[str, object]],
    protect_delete: Optional[bool],
    restore_from: Optional[str],
    labels: Optional[Mapping[str, str]],
    idempotency_key: Optional[str],
) -> RequestSpec:
    body = without_none(
        {
            "name": name,
            "plan": plan,
            "engine": engine,
            "version": version,
            "region": region,
            "network_id": network_id,
            "node_count": node_count,
            "backups": dict(backups) if backups is not None else None,
            "protection": {"delete": protect_delete} if protect_delete is not None else None,
            "restore_from": {"backup_id": restore_from} if restore_from is not None else None,
            "labels": dict(labels) if labels is not None else None,
        }
    )
    return RequestSpec("POST", PATH, body=body, idempotency_key=idempotency_key)


def update_spec(
    id: str,
    backups: Optional[Mapping[str, object]],
    protect_delete: Optional[bool],
    labels: Optional[Mapping[str, str]],
) -> RequestSpec:
    body = without_none(
        {
            "backups": dict(backups) if backups is not None else None,
            "protection": {"delete": protect_delete} if protect_delete is not None else None,
            "labels": dict(labels) if labels is not None else None,
        }
    )
    return RequestSpec("PATCH", database_path(id), body=body)


def resize_spec(id: str, plan: Optional[str], node_count: Optional[int]) -> RequestSpec:
    return RequestSpec("PUT", database_path(id, "/resize"), body=without_none({"plan": plan, "node_count": node_count}))
