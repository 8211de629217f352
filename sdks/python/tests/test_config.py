"""Client options: explicit values, CLOUDNEXUS_* environment variables, defaults, and TLS trust."""

from __future__ import annotations

import pytest

from cloudnexus import APIConnectionError, CloudNexus, CloudNexusError
from server_process import ServerInfo


def test_a_missing_api_key_fails_at_construction() -> None:
    with pytest.raises(CloudNexusError, match="CLOUDNEXUS_API_KEY"):
        CloudNexus()


def test_defaults_to_the_public_api() -> None:
    with CloudNexus(api_key="cnx_live_x") as client:
        assert client.base_url == "https://api.cloudnexus.com/v2"


def test_environment_configures_key_url_and_ca(server: ServerInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDNEXUS_API_KEY", server.api_key)
    monkeypatch.setenv("CLOUDNEXUS_BASE_URL", server.base_url)
    monkeypatch.setenv("CLOUDNEXUS_CA_CERT", server.ca_file)
    with CloudNexus() as client:
        assert client.base_url == server.base_url
        assert client.account.retrieve().id == server.account_id


def test_explicit_options_beat_the_environment(server: ServerInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDNEXUS_API_KEY", "cnx_live_wrong")
    monkeypatch.setenv("CLOUDNEXUS_BASE_URL", "https://wrong.invalid/v2")
    with CloudNexus(api_key=server.api_key, base_url=server.base_url, ca_file=server.ca_file) as client:
        assert client.account.retrieve().id == server.account_id


def test_the_self_signed_certificate_is_refused_without_its_ca(server: ServerInfo) -> None:
    client = CloudNexus(api_key=server.api_key, base_url=server.base_url, max_retries=0)
    with client, pytest.raises(APIConnectionError, match="CERTIFICATE_VERIFY_FAILED"):
        client.account.retrieve()


def test_an_unreadable_ca_file_is_a_clear_error() -> None:
    with pytest.raises(CloudNexusError, match="Cannot load CA certificate"):
        CloudNexus(api_key="cnx_live_x", ca_file="/nonexistent/cert.pem")
