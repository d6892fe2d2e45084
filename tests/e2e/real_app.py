"""Drives the real app the way a user does: its own process, a real X display (Xvfb),
real key presses (xdotool, through the XTEST extension, as a keyboard or a presentation
clicker sends them), screenshots of the screen (xwd), and the SQLite file read back
afterwards.

Nothing here imports the app: what the tests see is what a user would see. Tests that
use it skip, with the reason, when Xvfb, xdotool or xwd is missing
(`scripts/setup-system.sh` installs them).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "xwd": "x11-apps"}


def wait_until(condition: Callable[[], Any], timeout_s: float, what: str,
               interval_s: float = 0.05) -> Any:
    """Poll `condition` until it returns something true (returned) or the deadline
    passes (AssertionError naming `what`)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}")
        time.sleep(interval_s)


def skip_unless_tools() -> None:
    missing = [f"{tool} (Debian package {package})" for tool, package in TOOLS.items()
               if shutil.which(tool) is None]
    if missing:
        pytest.skip("the real app needs an X display and a keyboard to drive it; "
                    f"missing: {', '.join(missing)}; scripts/setup-system.sh installs them")


# ---------------------------------------------------------------------------------------
# Pictures: xwd's format read here, PNG written here, so no image tool is needed
# ---------------------------------------------------------------------------------------


@dataclass
class Picture:
    width: int
    height: int
    rgb: bytes  # width * height * 3

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        i = (y * self.width + x) * 3
        return self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]

    def crop(self, x: int, y: int, width: int, height: int) -> Picture:
        x, y = max(0, x), max(0, y)
        width, height = min(width, self.width - x), min(height, self.height - y)
        rows = [self.rgb[((y + r) * self.width + x) * 3:((y + r) * self.width + x + width) * 3]
                for r in range(height)]
        return Picture(width, height, b"".join(rows))

    def dark_fraction(self, step: int = 7, level: int = 24) -> float:
        """The share of (sampled) pixels that are black or nearly so."""
        dark = total = 0
        for i in range(0, self.width * self.height, step):
            r, g, b = self.rgb[3 * i], self.rgb[3 * i + 1], self.rgb[3 * i + 2]
            total += 1
            dark += max(r, g, b) <= level
        return dark / total if total else 0.0

    def save_png(self, path: Path) -> Path:
        stride = self.width * 3
        raw = b"".join(b"\x00" + self.rgb[r * stride:(r + 1) * stride]
                       for r in range(self.height))

        def chunk(kind: bytes, data: bytes) -> bytes:
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                         + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
        return path


def read_xwd(data: bytes) -> Picture:
    """A TrueColor XWD dump, 24 or 32 bits a pixel (Xvfb's 24-bit screen gives 24)."""
    fields = struct.unpack(">25I", data[:100])
    header_size, _version, _format, depth, width, height = fields[:6]
    byte_order, bits_per_pixel, bytes_per_line = fields[7], fields[11], fields[12]
    red_mask, green_mask, blue_mask, ncolors = fields[14], fields[15], fields[16], fields[19]
    if bits_per_pixel not in (24, 32) or depth < 24:
        raise ValueError(f"unsupported XWD picture: depth {depth}, {bits_per_pixel} bpp")
    size = bits_per_pixel // 8
    pixels = data[header_size + 12 * ncolors:]

    def byte_of(mask: int) -> int:
        shift = (mask & -mask).bit_length() - 1
        return shift // 8 if byte_order == 0 else size - 1 - shift // 8

    packed = b"".join(pixels[r * bytes_per_line:r * bytes_per_line + size * width]
                      for r in range(height))
    rgb = bytearray(width * height * 3)
    for channel, mask in enumerate((red_mask, green_mask, blue_mask)):
        rgb[channel::3] = packed[byte_of(mask)::size]
    return Picture(width, height, bytes(rgb))


# ---------------------------------------------------------------------------------------
# The display
# ---------------------------------------------------------------------------------------


class Display:
    """An Xvfb server on a free display number (Xvfb picks it: -displayfd), with no
    window manager: no title bars, and a window gets the keyboard only when given it."""

    def __init__(self, width: int = 1920, height: int = 1080) -> None:
        self.width, self.height = width, height
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(write_fd)
        number = b""
        try:
            deadline = time.monotonic() + 20
            while not number.endswith(b"\n"):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("Xvfb did not start: "
                                       + self.process.stderr.read().decode(errors="replace"))
                piece = os.read(read_fd, 16)
                if not piece:
                    raise RuntimeError("Xvfb did not say which display it took")
                number += piece
        finally:
            os.close(read_fd)
        self.name = f":{int(number)}"

    def env(self) -> dict[str, str]:
        return dict(os.environ, DISPLAY=self.name)

    def screenshot(self, window: str | None = None) -> Picture:
        """The whole screen, or one window as it shows on screen."""
        target = ["-id", window] if window else ["-root"]
        out = subprocess.run(["xwd", "-silent", "-display", self.name, *target],
                             capture_output=True, check=True, timeout=30).stdout
        return read_xwd(out)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process.stderr.close()


# ---------------------------------------------------------------------------------------
# The app
# ---------------------------------------------------------------------------------------


class RealApp:
    """One run of `python -m workshop --db DB` on `display`, in a home of its own (so
    neither the user's settings nor the last test's leak in), driven with xdotool."""

    def __init__(self, display: Display, db: Path | None, home: Path, *args: str) -> None:
        self.display = display
        self.home = home
        # With no --db the app finds its file under XDG_DATA_HOME, as on a user's machine.
        self.db = db or home / "data" / "okr-workshop" / "workshops.db"
        runtime = home / "runtime"
        for folder in (home / "config", home / "data", home / "cache", runtime):
            folder.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        env = display.env()
        env.pop("OKR_WORKSHOP_DB", None)
        env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
                   XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="xcb",
                   PYTHONPATH=str(ROOT))
        env.pop("QT_SCALE_FACTOR", None)
        self.log = home / "app.log"
        self._log_file = open(self.log, "wb")  # noqa: SIM115 - closed in close()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "workshop", *(["--db", str(db)] if db else []), *args],
            cwd=home, env=env,
            stdout=self._log_file, stderr=subprocess.STDOUT)

    # -- windows --------------------------------------------------------------------------
    def xdotool(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(["xdotool", *args], env=self.display.env(),
                                capture_output=True, text=True, timeout=30)
        if check and result.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {result.stderr}")
        return result.stdout.strip()

    def windows(self, name_regex: str) -> list[str]:
        """Ids of the app's mapped windows whose title matches."""
        out = self.xdotool("search", "--onlyvisible", "--name", name_regex, check=False)
        return out.split()

    def wait_window(self, name_regex: str, timeout_s: float = 30) -> str:
        """Wait for a visible window with a matching title. Polled rather than
        `search --sync`, which would wait for ever if the app died."""

        def found() -> str | None:
            if self.process.poll() is not None:
                raise AssertionError(f"the app exited ({self.process.returncode}) "
                                     f"before showing {name_regex!r}:\n{self.output()}")
            ids = self.windows(name_regex)
            return ids[-1] if ids else None

        return wait_until(found, timeout_s, f"a window titled {name_regex!r}")

    def wait_gone(self, wid: str, timeout_s: float = 15) -> None:
        wait_until(lambda: wid not in self.windows("."), timeout_s,
                   f"window {wid} to close")

    def title(self, wid: str) -> str:
        return self.xdotool("getwindowname", wid)

    def geometry(self, wid: str) -> tuple[int, int, int, int]:
        out = self.xdotool("getwindowgeometry", "--shell", wid)
        values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        return (int(values["X"]), int(values["Y"]), int(values["WIDTH"]),
                int(values["HEIGHT"]))

    def focus(self, wid: str) -> None:
        """Give `wid` the keyboard. There is no window manager to do it on a click, and
        keys go to the window with the X input focus."""
        self.xdotool("windowfocus", "--sync", wid)
        wait_until(lambda: self.xdotool("getwindowfocus", check=False) == wid, 10,
                   f"window {wid} to have the keyboard")

    def raise_(self, wid: str) -> None:
        self.xdotool("windowraise", wid)

    def move_resize(self, wid: str, x: int, y: int, width: int, height: int) -> None:
        self.xdotool("windowmove", "--sync", wid, str(x), str(y))
        self.xdotool("windowsize", "--sync", wid, str(width), str(height))

    def close_window(self, wid: str) -> None:
        """What a window manager does when its close button is clicked: the window is
        sent WM_DELETE_WINDOW and decides itself (Qt calls closeEvent)."""
        send_wm_delete(self.display.name, int(wid))

    # -- keys -----------------------------------------------------------------------------
    # Keys go through XTEST to the focused window, as from a real keyboard; `key
    # --window` would send synthetic events, which apps may treat differently.
    def key(self, *keys: str) -> None:
        self.xdotool("key", "--clearmodifiers", *keys)

    def type(self, text: str, delay_ms: int = 120) -> None:
        if text.isascii():
            self.xdotool("type", "--delay", str(delay_ms), "--", text)
            return
        # A character the keyboard map lacks (an emoji, Arabic) is typed by remapping a
        # spare key for it; two such characters in one call can reuse that key before the
        # app has read the first mapping, and a busy machine then loses a letter
        # ("زيادة" arrived as "زادة"). One call a character, with a pause, gives the app
        # time to read each mapping, as a person's keyboard layout would.
        for char in text:
            self.xdotool("type", "--delay", str(delay_ms), "--", char)
            time.sleep(delay_ms / 1000)

    # -- the process ----------------------------------------------------------------------
    def kill(self) -> None:
        """SIGKILL: nothing runs after this, no save, no clean-up; like pulling the plug."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def wait_exit(self, timeout_s: float = 20) -> int:
        try:
            return self.process.wait(timeout_s)
        except subprocess.TimeoutExpired as exc:
            raise AssertionError(f"the app did not quit within {timeout_s:.0f} s") from exc

    def output(self) -> str:
        self._log_file.flush()
        return self.log.read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()
        self._log_file.close()


def send_wm_delete(display_name: str, window: int) -> None:
    """Send WM_DELETE_WINDOW to `window` through Xlib (ctypes): xdotool 3.2016, the
    version Debian ships, has no command for it."""
    path = ctypes.util.find_library("X11")
    if path is None:
        pytest.skip("libX11 is needed to close a window as a window manager does")
    x11 = ctypes.cdll.LoadLibrary(path)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                               ctypes.c_void_p]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]

    class ClientMessage(ctypes.Structure):
        _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                    ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                    ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                    ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]

    class XEvent(ctypes.Union):
        _fields_ = [("client", ClientMessage), ("pad", ctypes.c_long * 24)]

    display = x11.XOpenDisplay(display_name.encode())
    if not display:
        raise AssertionError(f"cannot open X display {display_name}")
    try:
        event = XEvent()
        event.client.type = 33  # ClientMessage
        event.client.window = window
        event.client.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
        event.client.format = 32
        event.client.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
        event.client.data[1] = 0  # CurrentTime
        x11.XSendEvent(display, window, 0, 0, ctypes.byref(event))
        x11.XFlush(display)
    finally:
        x11.XCloseDisplay(display)


# ---------------------------------------------------------------------------------------
# The database, read back as it is on disk
# ---------------------------------------------------------------------------------------


def read_db(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, read-only (the URI's mode=ro: reading never writes,
    not even a journal), as {table: [row, ...]} in a stable order."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        conn.row_factory = sqlite3.Row
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: [dict(r) for r in conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid')]
                for t in tables}
    finally:
        conn.close()


@contextmanager
def real_app_session(tmp_path: Path, *, width: int = 1920,
                     height: int = 1080) -> Iterator[tuple[Display, Callable[..., RealApp]]]:
    """A display and a way to start the app on it; everything started is stopped."""
    skip_unless_tools()
    display = Display(width, height)
    apps: list[RealApp] = []

    def start(db: Path | None, *args: str, home: Path | None = None) -> RealApp:
        app = RealApp(display, db, home or tmp_path / f"home{len(apps)}", *args)
        apps.append(app)
        return app

    try:
        yield display, start
    finally:
        for app in apps:
            app.close()
        display.close()


def run_cli(*args: str, timeout_s: float = 120) -> str:
    """`okr-workshop ARGS` from this tree, as a user runs it; what it printed."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("OKR_WORKSHOP_DB", None)
    out = subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True,
                         text=True, check=True, env=env, timeout=timeout_s)
    return out.stdout.strip()


def create_demo(db: Path) -> str:
    """The worked example, made by the command line as a user would; its id."""
    return run_cli("demo", "--db", str(db), timeout_s=60)
