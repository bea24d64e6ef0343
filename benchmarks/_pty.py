"""A real terminal for the benchmarks: a child in a pseudo-terminal, as a couple's would be.

Shared by ``startup.py``, ``timer.py`` and ``memory.py``. The parent keeps
reading the terminal the whole time, as a terminal emulator does: a child that
writes to a terminal nobody reads blocks, and would be measured asleep.

A child that reports figures (``_cpu_child.py``, ``_memory_child.py``) writes
one line of JSON to the file descriptor named by ``REPORT_FD`` (a pipe), never
to its terminal, which its app owns.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
COLUMNS, LINES = 80, 24
TIMEOUT = 120.0
REPORT_FD = "CLOSER_BENCH_REPORT_FD"


def environment(data_dir: Path | None, pycache: Path | None) -> dict[str, str]:
    """The children's environment: a plain xterm, no devtools, byte-code cached outside the tree.

    ``PYTHONDONTWRITEBYTECODE`` is dropped and the ``.pyc`` files go to
    ``pycache`` (``PYTHONPYCACHEPREFIX``): an installed app runs from compiled
    byte-code (pip compiles it on install), and a shell that sets the variable
    would make closer compile its own modules on every start while Textual's
    come precompiled. The repository is left as it was.
    """
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": str(COLUMNS),
        "LINES": str(LINES),
    }
    env.pop("TEXTUAL", None)  # no devtools, no debug
    env.pop("NO_COLOR", None)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    if data_dir is not None:
        env["CLOSER_DATA_DIR"] = str(data_dir)
    return env


@dataclass(frozen=True)
class Ended:
    """What a finished child leaves: its peak memory and its own report, if it wrote one."""

    max_rss_mib: float
    report: dict[str, Any]


class Terminal:
    """One child in a fresh 80x24 pseudo-terminal; read continuously until it ends."""

    def __init__(
        self, command: Sequence[str], env: dict[str, str], *, timeout: float = TIMEOUT
    ) -> None:
        self.timeout = timeout
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self._report_read, report_write = os.pipe()
        self.seen = b""
        self._report = b""
        self.started = time.perf_counter()
        self.child = subprocess.Popen(
            list(command),
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env={**env, REPORT_FD: str(report_write)},
            start_new_session=True,
            close_fds=True,
            pass_fds=(report_write,),
        )
        os.close(follower)
        os.close(report_write)
        self._open = True

    def _pump(self, timeout: float) -> bytes:
        """Read whatever the child wrote within ``timeout``; b"" when nothing came."""
        watched = [fd for fd in (self.leader, self._report_read) if fd >= 0]
        ready, _, _ = select.select(watched, [], [], timeout)
        chunk = b""
        if self.leader in ready:
            try:
                chunk = os.read(self.leader, 65536)
            except OSError:  # the child closed the terminal
                chunk = b""
            if not chunk:
                self.leader_closed()
            self.seen += chunk
        if self._report_read in ready:
            data = os.read(self._report_read, 65536)
            if data:
                self._report += data
            else:
                os.close(self._report_read)
                self._report_read = -1
        return chunk

    def leader_closed(self) -> None:
        if self.leader >= 0:
            os.close(self.leader)
            self.leader = -1

    def wait_for(self, marker: bytes) -> float:
        """Seconds from the spawn until ``marker`` has been written to the terminal."""
        while True:
            elapsed = time.perf_counter() - self.started
            if elapsed > self.timeout:
                raise RuntimeError(f"no {marker!r} after {self.timeout} s:\n{self.seen[-3000:]!r}")
            if self.leader < 0:
                raise RuntimeError(f"the child ended before {marker!r}:\n{self.seen[-3000:]!r}")
            chunk = self._pump(1.0)
            if chunk and marker in self.seen[-len(chunk) - len(marker) :]:
                return time.perf_counter() - self.started

    def cpu_seconds(self) -> float:
        """The CPU the child has used so far, all its threads, user and system (Linux).

        Beside the wall time to a first frame: on a machine others are busy
        with, the wall time waits for the cores too, while the CPU a start
        needs stays its own. Counted in the kernel's ticks (10 ms on most
        Linux), so only a median of several runs says much.
        """
        fields = Path(f"/proc/{self.child.pid}/stat").read_text().rpartition(")")[2].split()
        # After the command's name: state is field 3, utime and stime are 14 and 15.
        utime, stime = int(fields[11]), int(fields[12])
        return (utime + stime) / os.sysconf("SC_CLK_TCK")

    def peak_memory_mib(self) -> float:
        """The child's peak resident memory so far (``VmHWM``, Linux), in MiB."""
        for line in Path(f"/proc/{self.child.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # in kB
        raise RuntimeError("no VmHWM in /proc: peak memory is read on Linux only")

    def write(self, keys: bytes) -> None:
        os.write(self.leader, keys)

    def finish(self) -> Ended:
        """Read until the child ends by itself (it exits after reporting); then reap it."""
        deadline = time.perf_counter() + self.timeout
        ended: tuple[int, int, Any] | None = None
        while ended is None:
            if time.perf_counter() > deadline:
                self.child.kill()
            self._pump(0.2)
            pid, status, usage = os.wait4(self.child.pid, os.WNOHANG)
            if pid:
                ended = (pid, status, usage)
        while self._report_read >= 0:  # whatever is still in the pipe
            self._pump(0.2)
        self.leader_closed()
        _, status, usage = ended
        self.child.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0 and not self._report:
            tail = self.seen[-3000:].decode(errors="replace")
            raise RuntimeError(f"the child failed ({code}):\n{tail}")
        # Linux reports ru_maxrss in KiB (macOS in bytes).
        scale = 1024 * 1024 if sys.platform == "darwin" else 1024
        lines = self._report.decode().strip().splitlines()
        report = json.loads(lines[-1]) if lines else {}
        if "error" in report:
            raise RuntimeError(f"the child reported: {report['error']}")
        return Ended(usage.ru_maxrss / scale, report)


def run_reporting(command: Sequence[str], env: dict[str, str], timeout: float = TIMEOUT) -> Ended:
    """Run a child that drives itself and reports; keep its terminal read meanwhile."""
    return Terminal(command, env, timeout=timeout).finish()


def report(figures: dict[str, Any]) -> None:
    """In a child: hand the figures to the parent through the pipe (the terminal is the app's)."""
    fd = int(os.environ[REPORT_FD])
    os.write(fd, (json.dumps(figures) + "\n").encode())


@dataclass(frozen=True)
class Spread:
    """The median of some runs and how far they wandered, for a loaded machine."""

    values: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def noise(self) -> float:
        """Half the range between the lower and upper quartile, as a share of the median."""
        if len(self.values) < 3:
            return 0.0
        low, _, high = statistics.quantiles(self.values, n=4, method="inclusive")
        return (high - low) / 2 / self.median

    def describe(self, scale: float = 1.0, digits: int = 0) -> str:
        """``low–high, ±noise``: the whole range and the quartiles' spread."""
        low, high = min(self.values) * scale, max(self.values) * scale
        return f"{low:.{digits}f}–{high:.{digits}f}, ±{self.noise * 100:.0f}%"
