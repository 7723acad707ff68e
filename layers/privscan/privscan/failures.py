"""Content-free failures: what an unexpected exception may say where a log, a trace or a queue records it.

An exception's message can hold what the code was handling when it failed: a KeyError names the
column it missed, a library quotes the line it could not parse, botocore's parameter errors
repeat the value. Where an exception leaves privscan for a sink privscan does not control (the
batch processor's log lines and failure records, the Lambda runtime's log, X-Ray, a Step
Functions execution's history), it is replaced by a `ContentFreeError`: the exception's type,
for an AWS error its error code and operation, and the code locations (file, line, function)
where it was raised. Its message, its cause and its traceback are dropped.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable
from pathlib import PurePath
from typing import ParamSpec, TypeVar

from botocore.exceptions import ClientError

P = ParamSpec("P")
R = TypeVar("R")
# The runtime package's directory (/opt/python/privscan in the layer): its frames are privscan's, whatever the
# directories above it are called (a checkout may itself sit in a folder named privscan).
PACKAGE_DIR = PurePath(__file__).parent


class ContentFreeError(Exception):
    """An unexpected failure, described by exception type, AWS error code and code locations only."""


def describe(error: BaseException) -> str:
    """``KeyError at engine/profile.py:120 in observe``: the type, the AWS error code and operation of a
    ClientError, where it was raised and, when that is outside privscan, the last privscan frame on the way."""
    kind = type(error).__name__
    if isinstance(error, ClientError):
        code = error.response.get("Error", {}).get("Code", "unknown")
        kind += f" {code} in {error.operation_name}"
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return kind
    places = [frames[-1]]
    own = next((frame for frame in reversed(frames) if _in_package(frame.filename)), None)
    if own is not None and own is not frames[-1]:
        places.append(own)
    return kind + " at " + " via ".join(f"{_short(frame.filename)}:{frame.lineno} in {frame.name}" for frame in places)


def content_free(error: BaseException) -> ContentFreeError:
    """`error` as a ContentFreeError (itself when it is one already)."""
    return error if isinstance(error, ContentFreeError) else ContentFreeError(describe(error))


def contained(function: Callable[P, R]) -> Callable[P, R]:
    """`function`, raising a ContentFreeError (without cause or context) for any exception it raises."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 (re-raised below, content-free)
            failure = content_free(error)
        raise failure  # outside the except block: the original is not its __context__

    return wrapper


def _in_package(filename: str) -> bool:
    """Code of privscan, other than this module's wrapper."""
    return PurePath(filename).is_relative_to(PACKAGE_DIR) and filename != __file__


def _short(filename: str) -> str:
    """The file's path from the package (``engine/profile.py``), or its name for other code."""
    path = PurePath(filename)
    if path.is_relative_to(PACKAGE_DIR):
        return path.relative_to(PACKAGE_DIR).as_posix()
    return path.name or filename
