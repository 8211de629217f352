#!/usr/bin/env bash
# Installs the SDK with its dev tools into sdks/python/.venv (created if missing), then runs
# ruff, mypy --strict and pytest. Exits non-zero on any failure, including "no tests collected".
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy --strict src
# pytest exits 5 when it collects no tests; `set -e` turns that into a failure like any other.
.venv/bin/pytest "$@"
