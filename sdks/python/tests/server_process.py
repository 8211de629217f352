"""Starts the repo's throwaway CloudNexus server (scripts/test-server.mjs) for the integration tests."""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
STARTUP_TIMEOUT = 60.0


@dataclass(frozen=True)
class ServerInfo:
    base_url: str
    api_key: str
    ca_file: str
    account_id: str


@contextmanager
def running_test_server() -> Iterator[ServerInfo]:
    """Yields the server's connection details; closing its stdin on exit makes it stop and clean up."""
    process = subprocess.Popen(
        ["node", str(REPO_ROOT / "scripts" / "test-server.mjs")],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        yield _read_ready_line(process)
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _read_ready_line(process: subprocess.Popen[str]) -> ServerInfo:
    # readline() has no timeout of its own: a watchdog kills a server that never gets ready.
    watchdog = threading.Timer(STARTUP_TIMEOUT, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
    finally:
        watchdog.cancel()
    if not line:
        raise RuntimeError(f"test server exited before it was ready (exit code {process.poll()})")
    return ServerInfo(**json.loads(line))
