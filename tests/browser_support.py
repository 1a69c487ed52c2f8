"""What the real-browser tests share: Debian's Chromium, its flags, a free port.

``require_chromium()`` is called at module level by each browser test module: without
``/usr/bin/chromium`` the module is skipped, or, under ``CI=true``, fails loudly (CI must
run the browser tests).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "web"


def require_chromium() -> None:
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI", "").strip().lower() == "true":
        raise RuntimeError(f"{CHROMIUM} is missing; CI=true, so the browser tests must run")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(app) -> Iterator[str]:
    """``app`` served by uvicorn in a background thread on a free port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
