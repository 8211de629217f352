"""One error class per status, each carrying status, message, details, request id and headers."""

from __future__ import annotations

import httpx
import pytest

import cloudnexus
import cloudnexus.errors as errors
from cloudnexus import APIError, CloudNexus, UnprocessableEntityError
from cloudnexus.errors import error_from_response

DETAIL = {"field": "f", "message": "bad"}


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (500, errors.InternalServerError),
        (503, errors.InternalServerError),
        (418, errors.APIError),
    ],
)
def test_each_status_maps_to_its_class(status: int, error_class: type[APIError]) -> None:
    response = httpx.Response(
        status,
        headers={"X-Request-Id": "req_header"},
        json={
            "error": {
                "code": status,
                "reason": "some_reason",
                "message": "Nope",
                "details": [{"field": "f", "message": "bad"}],
                "request_id": "req_1",
            }
        },
    )
    error = error_from_response(response)
    assert type(error) is error_class
    assert (error.status, error.reason, error.message, error.request_id) == (status, "some_reason", "Nope", "req_1")
    assert [(d.field, d.message) for d in error.details] == [("f", "bad")]
    assert error.headers["x-request-id"] == "req_header"
    assert "req_1" in str(error) and "f: bad" in str(error)


def test_a_body_without_the_envelope_still_gives_a_typed_error() -> None:
    response = httpx.Response(502, headers={"X-Request-Id": "req_proxy"}, text="<html>Bad Gateway</html>")
    error = error_from_response(response)
    assert isinstance(error, errors.InternalServerError)
    assert (error.status, error.reason, error.request_id, error.details) == (502, None, "req_proxy", [])


def test_errors_are_importable_from_the_package_root() -> None:
    for name in errors.__all__:
        assert getattr(cloudnexus, name) is getattr(errors, name)
    assert issubclass(errors.APITimeoutError, errors.APIConnectionError)
    assert issubclass(errors.APIConnectionError, errors.APIError)
    assert issubclass(errors.ActionFailedError, errors.CloudNexusError)


def test_real_validation_errors_carry_details_and_rate_limit_headers(client: CloudNexus) -> None:
    with pytest.raises(UnprocessableEntityError) as info:
        client.instances.create(name="py-bad-region", region="mars-1", plan="micro", image="debian-12")
    error = info.value
    assert (error.status, error.reason) == (422, "validation_failed")
    assert "region" in {d.field for d in error.details}
    assert error.request_id == error.headers["x-request-id"]
    assert int(error.headers["x-ratelimit-limit"]) > 0
