"""Functions against the real server (sim driver, real code): deploy, invoke, invocations, redeploy, delete."""

from __future__ import annotations

import base64
import io
import time
import zipfile

import pytest

from cloudnexus import AsyncCloudNexus, CloudNexus, ConflictError
from cloudnexus.types import Action, FunctionAccepted
from factories import unique_name

PYTHON = """
def handler(event):
    print("n is", event["n"])
    if event.get("fail"):
        raise KeyError("gone")
    return {"tripled": event["n"] * 3}
"""


def zipped(files: dict[str, str]) -> str:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return base64.b64encode(buffer.getvalue()).decode()


def python_runtime(client: CloudNexus) -> str:
    return next(r.id for r in client.functions.runtimes() if r.language == "python")


def test_function_lifecycle(client: CloudNexus) -> None:
    runtime = python_runtime(client)
    fn = client.functions.create(
        name=unique_name("fn"),
        region="us-east-1",
        runtime=runtime,
        handler="main.handler",
        source=zipped({"main.py": PYTHON}),
        environment={"TOKEN": "t"},
        wait=True,
    )
    assert (fn.status, fn.version, fn.environment) == ("active", 1, ["TOKEN"])

    answer = client.functions.invoke(fn.id, {"n": 2})
    assert (answer.status, answer.result, answer.logs) == ("success", {"tripled": 6}, "n is 2\n")
    failed = client.functions.invoke(fn.id, {"n": 1, "fail": True})
    assert failed.status == "error" and failed.error is not None
    assert (failed.error.type, failed.error.message) == ("handler_error", "KeyError: 'gone'")

    started = client.functions.invoke_async(fn.id, {"n": 3})
    invocation = client.functions.retrieve_invocation(fn.id, started.invocation)
    for _ in range(100):
        if invocation.status != "running":
            break
        time.sleep(0.05)
        invocation = client.functions.retrieve_invocation(fn.id, started.invocation)
    assert invocation.result == {"tripled": 9}
    assert [i.id for i in client.functions.invocations(fn.id, limit=2)] == [started.invocation, failed.id, answer.id]
    assert client.functions.invocations_page(fn.id, limit=1).pagination.has_more
    other = client.functions.create(
        name=unique_name("fn"),
        region="us-east-1",
        runtime=runtime,
        handler="main.handler",
        files={"main.py": PYTHON},
        wait=True,
    )
    with pytest.raises(ConflictError) as taken:
        client.functions.patch(other.id, name=fn.name)
    assert taken.value.reason == "name_taken"
    client.functions.delete(other.id, wait=True)

    accepted = client.functions.update(
        fn.id, runtime=runtime, handler="main.handler", files={"main.py": "def handler(e):\n    return 2\n"}
    )
    assert isinstance(accepted, FunctionAccepted) and accepted.version == 2
    with pytest.raises(ConflictError) as busy:
        client.functions.delete(fn.id)
    assert busy.value.reason == "resource_busy"
    client.actions.wait_for(accepted.action_id)
    assert client.functions.invoke(fn.id, {}).result == 2
    assert fn.id in {f.id for f in client.functions.list(region="us-east-1")}
    assert client.functions.list_page(region="us-east-1").data
    deleted = client.functions.delete(fn.id, wait=True)
    assert isinstance(deleted, Action) and deleted.type == "delete"


async def test_async_client_invokes(async_client: AsyncCloudNexus) -> None:
    runtimes = await async_client.functions.runtimes_page()
    node = next(r.id for r in runtimes.data if r.language == "nodejs")
    fn = await async_client.functions.create(
        name=unique_name("afn"),
        region="us-east-1",
        runtime=node,
        handler="index.handler",
        files={"index.js": "exports.handler = async (e) => (e && e.x ? { seen: e.x } : { event: e });"},
        wait=True,
    )
    assert (await async_client.functions.invoke(fn.id, {"x": "y"})).result == {"seen": "y"}
    # Any JSON value is an event, not only an object; None is JSON null, not "no body".
    assert (await async_client.functions.invoke(fn.id, [1, "two"])).result == {"event": [1, "two"]}
    assert (await async_client.functions.invoke(fn.id, None)).result == {"event": None}
    assert (await async_client.functions.invoke(fn.id, 7)).result == {"event": 7}
    assert (await async_client.functions.retrieve(fn.id)).status == "active"
    renamed = unique_name("afn")
    patched = await async_client.functions.patch(fn.id, name=renamed, labels={"team": "core"})
    assert (patched.name, patched.labels, patched.version, patched.status) == (renamed, {"team": "core"}, 1, "active")
    assert (await async_client.functions.patch(fn.id, labels={"team": None})).labels == {}
    await async_client.functions.delete(fn.id, wait=True)
