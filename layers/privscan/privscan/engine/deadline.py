"""A time by which a piece of work must stop, checked inside the engine's work and not only between cells.

A deadline is a `time.monotonic()` value (None: no deadline). It travels with each batch to the
worker processes: on Linux the monotonic clock is one system-wide clock, so a deadline set in the
scanning process means the same instant in a forked worker. Work checks it at its natural steps
(between the units of a batch, the spaCy passes, the recognizers) and stops with DeadlineExceeded;
what it found so far is incomplete and is dropped, never cached.
"""

from __future__ import annotations

import time


class DeadlineExceeded(Exception):
    """The work ran past its deadline."""


def deadline_after(seconds: float | None) -> float | None:
    """The monotonic time `seconds` from now, or None for no deadline."""
    return None if seconds is None else time.monotonic() + seconds


def passed(deadline: float | None) -> bool:
    """Whether the deadline has passed."""
    return deadline is not None and time.monotonic() > deadline


def check(deadline: float | None) -> None:
    """Raise DeadlineExceeded once the deadline has passed, so that long work stops where it checks."""
    if passed(deadline):
        raise DeadlineExceeded
