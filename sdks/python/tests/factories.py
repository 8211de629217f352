"""Fresh, unique inputs for integration tests that share one server."""

from __future__ import annotations

import base64
import secrets


def unique_name(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(4)}"


def random_ssh_public_key(comment: str = "test") -> str:
    """A well-formed OpenSSH ed25519 line with random key bytes, so every test's key is a new one."""

    def ssh_string(data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + data

    blob = ssh_string(b"ssh-ed25519") + ssh_string(secrets.token_bytes(32))
    return f"ssh-ed25519 {base64.b64encode(blob).decode()} {comment}"
