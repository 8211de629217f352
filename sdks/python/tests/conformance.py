"""Interpreter for the shared SDK conformance scenario (sdks/conformance/scenario.json): reads its steps,
resolves `$` references and checks expectations, exactly as sdks/conformance/README.md defines them.
The sync and async runners in test_conformance.py only differ in how they call the SDK."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional

from pydantic import BaseModel

from cloudnexus import APIError
from server_process import REPO_ROOT

SCENARIO_PATH = REPO_ROOT / "sdks" / "conformance" / "scenario.json"


def load_scenario() -> dict[str, Any]:
    scenario: dict[str, Any] = json.loads(SCENARIO_PATH.read_text())
    return scenario


@dataclass(frozen=True)
class Call:
    """One step made concrete: `client.<resource>.<operation>(id, **kwargs)`, ids and references resolved."""

    resource: str
    operation: str
    id: Optional[str]
    kwargs: dict[str, Any]
    client_options: Optional[dict[str, Any]]


class Scenario:
    def __init__(self, scenario: dict[str, Any]) -> None:
        self.vars: dict[str, Any] = scenario.get("vars", {})
        self.steps: list[dict[str, Any]] = scenario["steps"]
        self.results: dict[str, Any] = {}

    def call_for(self, step: dict[str, Any]) -> Call:
        resource, operation = step["call"].split(".")
        kwargs = self.resolve(step.get("args", {}))
        if "idempotency_key" in step:
            kwargs["idempotency_key"] = step["idempotency_key"]
        if step.get("wait"):
            kwargs["wait"] = True
        return Call(resource, operation, kwargs.pop("id", None), kwargs, step.get("client"))

    def resolve(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith("$"):
            source, _, field = value[1:].partition(".")
            if source == "vars":
                return self.vars[field]
            return field_of(self.results[source], field)
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if isinstance(value, dict):
            return {k: self.resolve(v) for k, v in value.items()}
        return value

    def record(self, step: dict[str, Any], result: Any = None, error: Optional[BaseException] = None) -> None:
        """Checks the step's expectations against what the call returned or raised; keeps results for `$` refs."""
        expect = step.get("expect", {})
        where = f"step {step['id']!r}"
        if "error" in expect:
            assert error is not None, f"{where}: expected {expect['error']}, got {result!r}"
            check_error(where, expect, error)
            return
        if error is not None:
            raise AssertionError(f"{where}: unexpected {type(error).__name__}: {error}") from error
        self.results[step["id"]] = result
        self.check_result(where, expect, result)

    def check_result(self, where: str, expect: dict[str, Any], result: Any) -> None:
        items = result if isinstance(result, list) else getattr(result, "data", None)
        for key, wanted in expect.items():
            wanted = self.resolve(wanted)
            if key == "fields":
                for field, value in wanted.items():
                    assert field_of(result, field) == value, (
                        f"{where}: {field}={field_of(result, field)!r} != {value!r}"
                    )
            elif key == "not_null":
                assert all(field_of(result, f) is not None for f in wanted), f"{where}: null among {wanted}"
            elif key == "id_prefix":
                assert result.id.startswith(wanted), f"{where}: id {result.id!r} lacks prefix {wanted!r}"
            elif key == "count":
                assert items is not None and len(items) == wanted, f"{where}: count != {wanted}"
            elif key == "min_count":
                assert items is not None and len(items) >= wanted, f"{where}: fewer than {wanted}"
            elif key == "has_more":
                assert result.pagination.has_more is wanted, f"{where}: has_more is not {wanted}"
            elif key == "contains_id":
                assert items is not None and wanted in [i.id for i in items], f"{where}: {wanted} missing"
            elif key == "ids":
                assert items is not None and sorted(i.id for i in items) == sorted(wanted), f"{where}: ids differ"
            elif key == "every_fields":
                assert items, f"{where}: no items to check"
                for item in items:
                    for field, value in wanted.items():
                        assert field_of(item, field) == value, (
                            f"{where}: {item.id} has {field}={field_of(item, field)!r}"
                        )
            elif key == "same_id_as":
                assert result.id == self.results[wanted].id, f"{where}: id differs from step {wanted!r}"
            else:
                raise AssertionError(f"{where}: the runner does not know expectation {key!r}")


def check_error(where: str, expect: dict[str, Any], error: BaseException) -> None:
    assert type(error).__name__ == expect["error"], f"{where}: raised {type(error).__name__}: {error}"
    assert isinstance(error, APIError) and error.status == expect["status"], f"{where}: wrong status"
    fields = {d.field for d in error.details}
    missing = set(expect.get("detail_fields", [])) - fields
    assert not missing, f"{where}: details lack {sorted(missing)}; got {sorted(fields)}"


def field_of(result: Any, field: str) -> Any:
    assert isinstance(result, BaseModel), f"cannot read {field!r} of {type(result).__name__}"
    # Fields the server left out are not compared as nulls: a model's own defaults are not part of the answer.
    return result.model_dump(mode="json", exclude_unset=True)[field]
