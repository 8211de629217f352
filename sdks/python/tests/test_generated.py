"""The committed generated code (wire types, operations table, sync client) matches a fresh run of its generators."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from server_process import REPO_ROOT

SCRIPTS = REPO_ROOT / "sdks" / "python" / "scripts"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_wire_types_and_operations_table_match_the_openapi_document() -> None:
    stale: list[Path] = load_script("generate_types").stale_files()
    assert not stale, f"regenerate with scripts/generate_types.py: {stale}"


def test_the_operations_table_has_every_operation_of_the_document() -> None:
    from cloudnexus._generated.operations import OPERATIONS

    spec = json.loads((REPO_ROOT / "spec" / "openapi.json").read_text())
    ids = {op["operationId"] for item in spec["paths"].values() for op in item.values() if "operationId" in op}
    assert set(OPERATIONS) == ids
    assert OPERATIONS["attachVolume"].method == "PUT" and OPERATIONS["attachVolume"].path == "volumes/{id}/attach"


def test_the_sync_client_matches_the_async_source() -> None:
    stale: list[str] = load_script("generate_sync").stale_files()
    assert not stale, f"regenerate with scripts/generate_sync.py: {stale}"


def test_the_model_generator_maps_schemas_to_typed_fields() -> None:
    generator = load_script("generate_types")
    spec = {
        "paths": {},
        "components": {
            "schemas": {
                "Box": {
                    "type": "object",
                    "required": ["id", "size", "owner", "tags"],
                    "properties": {
                        "id": {"type": "string"},
                        "size": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
                        "kind": {"anyOf": [{"type": "string", "const": "a"}, {"type": "string", "const": "b"}]},
                        "owner": {"$ref": "#/components/schemas/Owner"},
                        "tags": {"type": "object", "patternProperties": {"^.*$": {"type": "string"}}},
                        "spot": {"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}}},
                    },
                },
                "Owner": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
            }
        },
    }
    source: str = generator.models_source(spec)
    # A referenced model comes before its user; an inline object or set of values is named after parent and field.
    assert source.index("class Owner(") < source.index("class Box(")
    assert source.index("class BoxSpot(") < source.index("class Box(")
    for line in (
        "    id: str\n",
        "    size: Optional[int]\n",
        'BoxKind = Literal["a", "b"]\n',
        "    kind: Optional[BoxKind] = None\n",
        "    owner: Owner\n",
        "    tags: dict[str, str]\n",
        "    spot: Optional[BoxSpot] = None\n",
        "    at: Optional[datetime] = None\n",
    ):
        assert line in source
