"""Generates the blocking client `src/cloudnexus/_sync/` from the asyncio one `src/cloudnexus/_async/` with unasync
(the httpx/httpcore approach): one implementation written, two clients shipped.

  python scripts/generate_sync.py          rewrites src/cloudnexus/_sync/
  python scripts/generate_sync.py --check  exits 1 when the committed _sync/ differs from a fresh run
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import unasync

SDK_ROOT = Path(__file__).resolve().parents[1]
ASYNC_DIR = SDK_ROOT / "src" / "cloudnexus" / "_async"
SYNC_DIR = SDK_ROOT / "src" / "cloudnexus" / "_sync"
HEADER = "# Generated from cloudnexus/_async by scripts/generate_sync.py: do not edit.\n"

# Besides unasync's own (async/await removed, `AsyncX` -> `SyncX`, `__aenter__` -> `__enter__`, ...):
REPLACEMENTS = {
    "AsyncCloudNexus": "CloudNexus",
    "AsyncClient": "Client",  # httpx
    "aclose": "close",
    "asyncio": "time",  # asyncio.sleep -> time.sleep
}


def generate(into: Path) -> None:
    """Writes the sync twin of every async module into `into`, formatted like the rest of the code."""
    rule = unasync.Rule(fromdir=str(ASYNC_DIR), todir=str(into), additional_replacements=REPLACEMENTS)
    sources = sorted(str(p) for p in ASYNC_DIR.rglob("*.py"))
    unasync.unasync_files(sources, [rule])
    for path in into.rglob("*.py"):
        path.write_text(HEADER + path.read_text())
    # Removing `await` shortens lines and renames imports: let ruff re-sort and re-wrap as it would by hand.
    ruff = [sys.executable, "-m", "ruff"]
    config = ["--config", str(SDK_ROOT / "pyproject.toml")]
    subprocess.run([*ruff, "check", *config, "--quiet", "--fix", "--select", "I", str(into)], check=True, cwd=SDK_ROOT)
    subprocess.run([*ruff, "format", *config, "--quiet", str(into)], check=True, cwd=SDK_ROOT)


def stale_files() -> list[str]:
    """The files of the committed _sync/ that a fresh run would change, add or remove."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "_sync"
        generate(fresh)
        wanted = {p.relative_to(fresh): p.read_text() for p in fresh.rglob("*.py")}
    committed = {p.relative_to(SYNC_DIR): p.read_text() for p in SYNC_DIR.rglob("*.py")}
    names = set(wanted) | set(committed)
    return sorted(str(n) for n in names if wanted.get(n) != committed.get(n))


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = stale_files()
        for name in stale:
            print(f"stale: {SYNC_DIR / name} (run scripts/generate_sync.py)", file=sys.stderr)
        return 1 if stale else 0
    for old in SYNC_DIR.rglob("*.py"):
        old.unlink()
    generate(SYNC_DIR)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
