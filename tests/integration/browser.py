"""Debian's chromium for the browser tests: skipped when missing, unless PRIVSCAN_REQUIRE_BROWSER=1 (.ci/run)."""

from __future__ import annotations

import os
import shutil

import pytest

# what every headless run gets: no sandbox (containers), no GPU, and no traffic of its own
HEADLESS_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("PRIVSCAN_REQUIRE_BROWSER") == "1":
        pytest.fail("PRIVSCAN_REQUIRE_BROWSER=1 but chromium is not installed (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); PRIVSCAN_REQUIRE_BROWSER=1 makes this a failure")
