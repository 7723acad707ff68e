"""A one-line progress display for long local scans, on a terminal only.

A 50 MB file takes minutes to scan; without a sign of life a user cannot tell a slow scan from a hung one.
While stderr is a terminal, `Progress` redraws one line a few times a second: the file being scanned (its
position among the files), the bytes read of it and the findings so far. Bytes are read from the open
file's OS position (`os.lseek`), which the readers advance as they stream, so no reader needs a hook.
When stderr is not a terminal (a pipe, a CI log) nothing is drawn.

The line names a file as findings name it (the masked rendering), so a file name holding personal data is
not printed in clear here either.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TextIO

from privscan_tools.cli.sizes import human_size

REDRAW_SECONDS = 0.25


class Progress:
    """Draws `[n/N] name  read/size  findings` on `out` while a file is scanned; a no-op when disabled."""

    def __init__(self, total_files: int, out: TextIO | None = None, enabled: bool | None = None):
        self.out = out or sys.stderr
        self.enabled = self.out.isatty() if enabled is None else enabled
        self.total_files = total_files
        self.findings = 0
        self._file_number, self._name, self._size, self._fd = 0, "", 0, None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._width = 0

    def start_file(self, name: str, size: int, fd: int | None = None) -> None:
        """A new file: its shown name, its size in bytes and, when known, the descriptor it is read from."""
        self._file_number += 1
        self._name, self._size, self._fd = name, size, fd
        if self.enabled and self._thread is None:
            self._thread = threading.Thread(target=self._redraw_until_stopped, daemon=True)
            self._thread.start()

    def found(self, count: int = 1) -> None:
        self.findings += count

    def message(self, text: str, to: TextIO | None = None) -> None:
        """Print `text` on a line of its own (to `to`, default the progress line's stream) above the progress
        line, or alone when disabled."""
        with self._lock:
            self._erase()
            print(text, file=to or self.out, flush=True)

    def _erase(self) -> None:
        if self.enabled and self._width:
            self.out.write("\r" + " " * self._width + "\r")
            self.out.flush()
            self._width = 0

    def close(self) -> None:
        """Stop redrawing and erase the line."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        with self._lock:
            self._erase()

    def line(self) -> str:
        """The progress line as drawn now."""
        read = self._bytes_read()
        where = f"{human_size(read)}/{human_size(self._size)}" if self._size else human_size(read)
        return f"[{self._file_number}/{self.total_files}] {self._name}  {where}  {self.findings} findings"

    def _bytes_read(self) -> int:
        if self._fd is None:
            return 0
        try:
            return min(os.lseek(self._fd, 0, os.SEEK_CUR), self._size or sys.maxsize)
        except OSError:  # the file was closed between two redraws
            return 0

    def _redraw_until_stopped(self) -> None:
        while not self._stop.wait(REDRAW_SECONDS):
            self._draw()

    def _draw(self) -> None:
        text = self.line()[: _terminal_columns() - 1]
        with self._lock:
            self.out.write("\r" + text.ljust(self._width))
            self.out.flush()
            self._width = len(text)


def _terminal_columns() -> int:
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return 80
