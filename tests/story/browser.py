"""A real headless browser for the keepsake tests: Debian's ``chromium``.

Two ways of driving it, as a person's browser would open the file:

- :func:`screenshot` and :func:`dump_dom`: chromium's own command-line
  ``--screenshot`` and ``--dump-dom``.
- :func:`visit`: the DevTools protocol over a pipe (``--remote-debugging-pipe``,
  file descriptors 3 and 4, messages ending in NUL), so no socket and no
  extra library: it records every request the page makes, every console
  message and every error the browser logs (a refused load among them), and
  the page's text as a person reads it (``innerText``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)"
)

QUIET = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--disable-extensions",
    "--disable-default-apps",
]


def _flags(profile: str) -> list[str]:
    assert CHROMIUM is not None
    return [CHROMIUM, *QUIET, f"--user-data-dir={profile}"]


def screenshot(page: Path, png: Path, width: int = 1000, height: int = 2800) -> None:
    uri = page.as_uri()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        subprocess.run(
            [*_flags(profile), f"--screenshot={png}", f"--window-size={width},{height}", uri],
            check=True,
            capture_output=True,
            timeout=120,
        )


def dump_dom(page: Path) -> str:
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        done = subprocess.run(
            [*_flags(profile), "--dump-dom", page.as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return done.stdout.decode("utf-8")


@dataclass
class Visit:
    """What happened while the page loaded."""

    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    text: str = ""
    scripts: int = 0

    def outside(self, page: Path) -> list[str]:
        """Every request for anything but the page itself."""
        return [url for url in self.requests if url != page.as_uri()]


class _Pipe:
    def __init__(self, to_browser: int, from_browser: int) -> None:
        self.to_browser = to_browser
        self.from_browser = from_browser
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(method)
            self.events.append(self._read())

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self.buffer += chunk
        raw, _, self.buffer = self.buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message


def visit(page: Path, settle: float = 0.5) -> Visit:
    """Open ``page`` and report its requests, console, logged errors and text."""
    return _with_browser(lambda pipe: _look(pipe, page, settle))


def printed(page: Path, paper: tuple[float, float]) -> Printed:
    """``page`` printed on ``paper`` (inches, as the print dialog's sizes are given)."""
    return _with_browser(lambda pipe: _print(pipe, page, paper))


@dataclass
class Printed:
    pages: int
    widest: int
    """The page's widest content in CSS pixels, laid out for print on that paper."""
    room: int
    """The width between the margins, in CSS pixels."""


def _print(pipe: _Pipe, page: Path, paper: tuple[float, float]) -> Printed:
    import base64

    session = _open(pipe)
    pipe.send("Page.navigate", session, url=page.as_uri())
    pipe.wait_for("Page.loadEventFired")
    margin = 13 / 25.4  # the page's @page margin, in inches
    room = round((paper[0] - 2 * margin) * 96)
    pipe.send("Emulation.setEmulatedMedia", session, media="print")
    pipe.send(
        "Emulation.setDeviceMetricsOverride",
        session,
        width=room,
        height=1000,
        deviceScaleFactor=1,
        mobile=False,
    )
    widest = pipe.send(
        "Runtime.evaluate",
        session,
        expression="document.documentElement.scrollWidth",
        returnByValue=True,
    )["result"]["value"]
    pipe.send("Emulation.clearDeviceMetricsOverride", session)
    pdf = pipe.send(
        "Page.printToPDF",
        session,
        paperWidth=paper[0],
        paperHeight=paper[1],
        preferCSSPageSize=False,
    )["data"]
    document = base64.b64decode(pdf)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", document))
    return Printed(pages=pages, widest=widest, room=room)


def _with_browser(then: Callable[[_Pipe], T]) -> T:
    to_read, to_browser = os.pipe()  # chromium reads commands on fd 3
    from_browser, to_write = os.pipe()  # and writes replies on fd 4
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:

        def fds() -> None:
            # Through fresh copies: either end may already be numbered 3 or 4.
            reads, writes = os.dup(to_read), os.dup(to_write)
            os.dup2(reads, 3)
            os.dup2(writes, 4)

        process = subprocess.Popen(
            [*_flags(profile), "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4, to_read, to_write),
            preexec_fn=fds,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its helpers too are ended with it, below
        )
        os.close(to_read)
        os.close(to_write)
        pipe = _Pipe(to_browser, from_browser)
        try:
            return then(pipe)
        finally:
            os.close(to_browser)
            os.close(from_browser)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # the group of the browser started here
            process.wait(timeout=30)


def _open(pipe: _Pipe) -> str:
    """A new tab, listened to: its session id."""
    target = pipe.send("Target.createTarget", url="about:blank")["targetId"]
    session: str = pipe.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    for domain in ("Network", "Runtime", "Log", "Page"):
        pipe.send(f"{domain}.enable", session)
    pipe.events.clear()
    return session


def _look(pipe: _Pipe, page: Path, settle: float) -> Visit:
    session = _open(pipe)
    pipe.send("Page.navigate", session, url=page.as_uri())
    pipe.wait_for("Page.loadEventFired")
    time.sleep(settle)  # a real browser's own pace: late loads and timers have their chance
    text = pipe.send(
        "Runtime.evaluate", session, expression="document.body.innerText", returnByValue=True
    )["result"].get("value", "")
    scripts = pipe.send(
        "Runtime.evaluate",
        session,
        expression="document.querySelectorAll('script').length",
        returnByValue=True,
    )["result"].get("value", -1)
    seen = Visit(text=text, scripts=scripts)
    for event in pipe.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            seen.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled":
            seen.console.append(" ".join(str(a.get("value", "")) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            seen.errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            seen.errors.append(params["entry"]["text"])
    return seen
