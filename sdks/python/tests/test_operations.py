"""Every SDK method names its API operation; the request's method and path come from the generated table."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import cloudnexus
from cloudnexus import CloudNexusError
from cloudnexus._generated.operations import OPERATIONS
from cloudnexus._request import operation_spec
from fake_server import Reply, scripted_client

ACCEPTED = {"id": "vol_a/b", "status": "available", "message": "Attach initiated", "action_id": "act_1"}


def test_a_method_sends_its_operation_from_the_table_with_escaped_path_ids() -> None:
    with scripted_client([Reply(202, ACCEPTED)]) as (fake, client):
        accepted = client.volumes.attach("vol_a/b", instance_id="inst_1")
    assert accepted.action_id == "act_1"
    (request,) = fake.received
    assert (request.method, request.path) == ("PUT", "/v2/volumes/vol_a%2Fb/attach")
    assert json.loads(request.body) == {"instance_id": "inst_1"}
    assert "idempotency-key" not in request.headers


def test_posts_carry_an_idempotency_key_and_unset_filters_are_left_out() -> None:
    page = {"data": [], "pagination": {"next_cursor": None, "has_more": False}}
    with scripted_client([Reply(202, {"event_id": "evt_1"}), Reply(200, page)]) as (fake, client):
        client.webhooks.test("wh_1", idempotency_key="mine")
        assert list(client.volumes.list(attachment_state="detached")) == []
    test, listing = fake.received
    assert (test.method, test.path, test.headers["idempotency-key"]) == ("POST", "/v2/webhooks/wh_1/test", "mine")
    assert (listing.method, listing.path) == ("GET", "/v2/volumes?attachment_state=detached")


def test_an_unknown_operation_a_missing_path_parameter_or_a_stray_body_is_a_clear_error() -> None:
    with pytest.raises(CloudNexusError, match="Unknown API operation 'attachVolumes'"):
        operation_spec("attachVolumes", path={"id": "vol_1"})
    with pytest.raises(CloudNexusError, match="deleteDatabaseUser needs the path parameter 'name'"):
        operation_spec("deleteDatabaseUser", path={"id": "db_1"})
    with pytest.raises(CloudNexusError, match="getVolume takes no request body"):
        operation_spec("getVolume", path={"id": "vol_1"}, json={"name": "x"})


# The literal the coverage gate of the SDK convention (issue 19) counts, in both clients.
OPERATION_CALL = re.compile(r"""\bop\(\s*['"]([A-Za-z0-9]+)['"]""")


@pytest.mark.parametrize("client_dir", ["_async", "_sync"])
def test_each_operation_is_called_by_exactly_one_method(client_dir: str) -> None:
    root = Path(cloudnexus.__file__).parent / client_dir
    calls = Counter(name for path in root.rglob("*.py") for name in OPERATION_CALL.findall(path.read_text()))
    assert set(calls) == set(OPERATIONS), (
        f"missing {set(OPERATIONS) - set(calls)}, unknown {set(calls) - set(OPERATIONS)}"
    )
    assert [name for name, count in calls.items() if count > 1] == []
