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


def oci_image_archive(files: dict[str, bytes], cmd: list[str]) -> bytes:
    """A one-layer OCI image layout as a tar, the way skopeo writes one: `files` maps layer paths to contents."""
    import hashlib
    import io
    import json
    import tarfile

    def tar_of(members: dict[str, bytes]) -> bytes:
        out = io.BytesIO()
        with tarfile.open(fileobj=out, mode="w") as archive:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size, info.mode = len(data), 0o755
                archive.addfile(info, io.BytesIO(data))
        return out.getvalue()

    def digest(blob: bytes) -> str:
        return "sha256:" + hashlib.sha256(blob).hexdigest()

    layer = tar_of(files)
    config = json.dumps(
        {"os": "linux", "config": {"Cmd": cmd}, "rootfs": {"type": "layers", "diff_ids": [digest(layer)]}}
    )
    manifest = json.dumps(
        {
            "schemaVersion": 2,
            "config": {"digest": digest(config.encode()), "size": len(config)},
            "layers": [{"digest": digest(layer), "size": len(layer)}],
        }
    ).encode()
    index = json.dumps({"schemaVersion": 2, "manifests": [{"digest": digest(manifest), "size": len(manifest)}]})
    blobs = {f"blobs/sha256/{digest(blob)[7:]}": blob for blob in (manifest, config.encode(), layer)}
    return tar_of({"oci-layout": b'{"imageLayoutVersion":"1.0.0"}', "index.json": index.encode(), **blobs})
