# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.
"""Functions: code on an installed runtime, deployed as numbered versions and invoked with JSON events."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Literal, Optional, TypeVar, Union, overload

from ..._generated.models import (
    Action,
    Function,
    FunctionAccepted,
    FunctionInvocation,
    FunctionInvocationAccepted,
    FunctionInvocationList,
    FunctionList,
    FunctionRuntime,
    FunctionRuntimeList,
)
from ..._model import CloudNexusModel
from ..._request import RawBody, merge_patch_body, wire, without_none
from ..pagination import SyncPager
from ._base import SyncOperatingResource

OperationResult = Union[FunctionAccepted, Action]
AnswerT = TypeVar("AnswerT", bound=CloudNexusModel)


def deployment(
    *,
    runtime: str,
    handler: str,
    source: Optional[str],
    files: Optional[Mapping[str, str]],
    memory_mb: Optional[int],
    timeout_s: Optional[int],
    max_concurrency: Optional[int],
    environment: Optional[Mapping[str, str]],
    network_id: Optional[str],
) -> dict[str, object]:
    """The body a create and a PUT share: the source (a base64 zip, or `files`) and the settings."""
    return without_none(
        {
            "runtime": runtime,
            "handler": handler,
            "source": source,
            "files": dict(files) if files is not None else None,
            "memory_mb": memory_mb,
            "timeout_s": timeout_s,
            "max_concurrency": max_concurrency,
            "environment": dict(environment) if environment is not None else None,
            "network_id": network_id,
        }
    )


class SyncFunctions(SyncOperatingResource):
    def runtimes(self, *, limit: Optional[int] = None) -> SyncPager[FunctionRuntime]:
        """The runtimes the server's host has installed (`nodejs20`, `python3.11`...)."""
        return SyncPager(lambda cursor: self.runtimes_page(limit=limit, cursor=cursor))

    def runtimes_page(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> FunctionRuntimeList:
        return self._transport.op(
            "listFunctionRuntimes", model=FunctionRuntimeList, query={"limit": limit, "cursor": cursor}
        )

    def list(
        self, *, region: Optional[str] = None, label_selector: Optional[str] = None, limit: Optional[int] = None
    ) -> SyncPager[Function]:
        return SyncPager(
            lambda cursor: self.list_page(region=region, label_selector=label_selector, limit=limit, cursor=cursor)
        )

    def list_page(
        self,
        *,
        region: Optional[str] = None,
        label_selector: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> FunctionList:
        return self._transport.op(
            "listFunctions",
            model=FunctionList,
            query={"region": region, "label_selector": label_selector, "limit": limit, "cursor": cursor},
        )

    def create(
        self,
        *,
        name: str,
        region: str,
        runtime: str,
        handler: str,
        source: Optional[str] = None,
        files: Optional[Mapping[str, str]] = None,
        memory_mb: Optional[int] = None,
        timeout_s: Optional[int] = None,
        max_concurrency: Optional[int] = None,
        environment: Optional[Mapping[str, str]] = None,
        network_id: Optional[str] = None,
        labels: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        wait: bool = False,
    ) -> Function:
        """A new function, `deploying` version 1; with `wait=True`, re-read once the deploy has ended
        (`active`, or `errored` with the loader's message in `error`)."""
        body = deployment(
            runtime=runtime,
            handler=handler,
            source=source,
            files=files,
            memory_mb=memory_mb,
            timeout_s=timeout_s,
            max_concurrency=max_concurrency,
            environment=environment,
            network_id=network_id,
        )
        body.update(without_none({"name": name, "region": region, "labels": labels}))
        created = self._transport.op("createFunction", model=Function, json=body, idempotency_key=idempotency_key)
        if not wait:
            return created
        self._actions.wait_for_create(created.id)
        return self.retrieve(created.id)

    def retrieve(self, id: str) -> Function:
        return self._transport.op("getFunction", model=Function, path={"id": id})

    def patch(
        self, id: str, *, name: Optional[str] = None, labels: Optional[Mapping[str, Optional[str]]] = None
    ) -> Function:
        """Renames it or merges its labels at once (a merge-patch: only what is given changes; a label mapped
        to None is removed); nothing is redeployed, where `update` deploys a new version. A name in use in
        the region is a ConflictError."""
        body = merge_patch_body(name=name, labels=labels)
        return self._transport.op("patchFunction", model=Function, path={"id": id}, json=body)

    @overload
    def update(
        self,
        id: str,
        *,
        runtime: str,
        handler: str,
        source: Optional[str] = None,
        files: Optional[Mapping[str, str]] = None,
        memory_mb: Optional[int] = None,
        timeout_s: Optional[int] = None,
        max_concurrency: Optional[int] = None,
        environment: Optional[Mapping[str, str]] = None,
        network_id: Optional[str] = None,
        wait: Literal[False] = False,
    ) -> FunctionAccepted: ...

    @overload
    def update(
        self,
        id: str,
        *,
        runtime: str,
        handler: str,
        source: Optional[str] = None,
        files: Optional[Mapping[str, str]] = None,
        memory_mb: Optional[int] = None,
        timeout_s: Optional[int] = None,
        max_concurrency: Optional[int] = None,
        environment: Optional[Mapping[str, str]] = None,
        network_id: Optional[str] = None,
        wait: Literal[True],
    ) -> Action: ...

    def update(
        self,
        id: str,
        *,
        runtime: str,
        handler: str,
        source: Optional[str] = None,
        files: Optional[Mapping[str, str]] = None,
        memory_mb: Optional[int] = None,
        timeout_s: Optional[int] = None,
        max_concurrency: Optional[int] = None,
        environment: Optional[Mapping[str, str]] = None,
        network_id: Optional[str] = None,
        wait: bool = False,
    ) -> OperationResult:
        """Deploys new source or settings as the next version, through an action."""
        body = deployment(
            runtime=runtime,
            handler=handler,
            source=source,
            files=files,
            memory_mb=memory_mb,
            timeout_s=timeout_s,
            max_concurrency=max_concurrency,
            environment=environment,
            network_id=network_id,
        )
        accepted = self._transport.op("updateFunction", model=FunctionAccepted, path={"id": id}, json=body)
        return self._finish(accepted, wait)

    @overload
    def delete(self, id: str, *, wait: Literal[False] = False) -> FunctionAccepted: ...

    @overload
    def delete(self, id: str, *, wait: Literal[True]) -> Action: ...

    def delete(self, id: str, *, wait: bool = False) -> OperationResult:
        """Deletes the function with its workers, source and invocations."""
        accepted = self._transport.op("deleteFunction", model=FunctionAccepted, path={"id": id})
        return self._finish(accepted, wait)

    def invoke(self, id: str, event: object) -> FunctionInvocation:
        """Runs the function with `event` (any JSON value: an object, a list, a number, a string, None);
        a thrown error or a timeout is the answer's `status`, not an exception."""
        return self._invoke(id, event, FunctionInvocation, background=False)

    def invoke_async(self, id: str, event: object) -> FunctionInvocationAccepted:
        """Starts the function in the background: the invocation id, to read with `retrieve_invocation`."""
        return self._invoke(id, event, FunctionInvocationAccepted, background=True)

    def _invoke(self, id: str, event: object, model: type[AnswerT], *, background: bool) -> AnswerT:
        """One operation, two answers: the outcome (200), or the invocation id (202) when async. The event
        goes as an encoded body because `json=` means an object and None there means "no body"."""
        query = {"async": "true"} if background else None
        body = RawBody(json.dumps(wire(event)).encode(), "application/json")
        return self._transport.op("invokeFunction", model=model, path={"id": id}, query=query, raw=body)

    def invocations(self, id: str, *, limit: Optional[int] = None) -> SyncPager[FunctionInvocation]:
        """Past invocations, newest first."""
        return SyncPager(lambda cursor: self.invocations_page(id, limit=limit, cursor=cursor))

    def invocations_page(
        self, id: str, *, limit: Optional[int] = None, cursor: Optional[str] = None
    ) -> FunctionInvocationList:
        return self._transport.op(
            "listFunctionInvocations",
            model=FunctionInvocationList,
            path={"id": id},
            query={"limit": limit, "cursor": cursor},
        )

    def retrieve_invocation(self, id: str, invocation_id: str) -> FunctionInvocation:
        return self._transport.op(
            "getFunctionInvocation", model=FunctionInvocation, path={"id": id, "inv_id": invocation_id}
        )
