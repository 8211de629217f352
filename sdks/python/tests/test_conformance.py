"""Runs the shared SDK conformance scenario with the sync client and, on a second fresh server (the scenario
uses fixed names and keys), with the async client."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from cloudnexus import AsyncCloudNexus, AsyncPager, CloudNexus, CloudNexusError, SyncPager
from conformance import Call, Scenario, load_scenario
from server_process import ServerInfo, running_test_server


def options_for(server: ServerInfo, call: Call) -> dict[str, Any]:
    return {
        "api_key": server.api_key,
        "base_url": server.base_url,
        "ca_file": server.ca_file,
        **(call.client_options or {}),
    }


def call_sync(client: CloudNexus, call: Call) -> Any:
    resource = getattr(client, call.resource)
    if call.operation == "list_all":
        return list(resource.list(**call.kwargs))
    method = getattr(resource, call.operation)
    result = method(**call.kwargs) if call.id is None else method(call.id, **call.kwargs)
    # A method that lists (e.g. webhooks.deliveries) gives every item of every page.
    return list(result) if isinstance(result, SyncPager) else result


async def call_async(client: AsyncCloudNexus, call: Call) -> Any:
    resource = getattr(client, call.resource)
    if call.operation == "list_all":
        return [item async for item in resource.list(**call.kwargs)]
    method = getattr(resource, call.operation)
    result = method(**call.kwargs) if call.id is None else method(call.id, **call.kwargs)
    if isinstance(result, AsyncPager):
        return [item async for item in result]
    return await result


def test_conformance_scenario_sync(server: ServerInfo) -> None:
    scenario = Scenario(load_scenario())
    run_sync(server, scenario)
    assert len(scenario.results) >= 10, "most steps should succeed and be recorded"


def run_sync(server: ServerInfo, scenario: Scenario) -> None:
    for step in scenario.steps:
        call = scenario.call_for(step)
        with CloudNexus(**options_for(server, call)) as client:
            try:
                result = call_sync(client, call)
            except CloudNexusError as error:
                scenario.record(step, error=error)
            else:
                scenario.record(step, result)


def test_the_runner_catches_a_wrong_expectation(server: ServerInfo) -> None:
    for expect in ({"fields": {"tier": "free"}}, {"error": "NotFoundError", "status": 404}, {"novel": 1}):
        with pytest.raises(AssertionError):
            run_sync(server, Scenario({"steps": [{"id": "a", "call": "account.retrieve", "expect": expect}]}))


@pytest.fixture(scope="module")
def second_server() -> Iterator[ServerInfo]:
    with running_test_server() as info:
        yield info


async def test_conformance_scenario_async(second_server: ServerInfo) -> None:
    scenario = Scenario(load_scenario())
    for step in scenario.steps:
        call = scenario.call_for(step)
        async with AsyncCloudNexus(**options_for(second_server, call)) as client:
            try:
                result = await call_async(client, call)
            except CloudNexusError as error:
                scenario.record(step, error=error)
            else:
                scenario.record(step, result)
    assert len(scenario.results) >= 10, "most steps should succeed and be recorded"
