"""The project's own privscan settings, found without being named: `privscan.toml` or `[tool.privscan]`.

A repository that scans its data in CI keeps its policy beside its code, as ruff or pytest settings are
kept: `privscan scan` and `privscan ci` look for `privscan.toml` (its top-level keys) or a `pyproject.toml`
with a `[tool.privscan]` table, in the working directory and then in each parent up to the repository's
root (the first directory holding `.git`). The nearest file that has privscan settings wins. A flag given
on the command line overrides the file.

    fail_on = "high"                       # low | medium | high | critical
    exclude = ["fixtures/*", "*.parquet"]  # globs of files a directory walk skips
    include = ["*.csv", "*.jsonl"]         # when set, a directory walk scans only these
    allow_list = "privacy/allow.yaml"      # relative to the file that names it
    allow_entities = ["LOCATION"]          # privscan ci: entity types that never fail the job
    ignore_rules = ["GDPR-ART5-1C"]        # privscan ci: rules that never fail the job
"""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass
from pathlib import Path

from privscan.vocabulary import SEVERITIES

CONFIG_FILE = "privscan.toml"
PYPROJECT = "pyproject.toml"
_LISTS = ("exclude", "include", "allow_entities", "ignore_rules")


class ConfigError(ValueError):
    """A settings file privscan cannot use: the message names the file and the key, never a value's content."""


@dataclass(frozen=True)
class ProjectConfig:
    """Settings read from the project's file; `source` is None when no file was found."""

    source: Path | None = None
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    allow_list: str | None = None
    allow_entities: tuple[str, ...] = ()
    ignore_rules: tuple[str, ...] = ()


def find_project_config(start: Path | None = None) -> ProjectConfig:
    """The settings of the nearest `privscan.toml` or `[tool.privscan]` from `start` (default: here) up to
    the repository's root; empty settings when there is none."""
    for folder in _search_path((start or Path.cwd()).resolve()):
        own = folder / CONFIG_FILE
        if own.is_file():
            return _parsed(own, _read(own))
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("privscan")
            if table is not None:
                return _parsed(pyproject, table)
    return ProjectConfig()


def _search_path(start: Path) -> list[Path]:
    """`start` and its parents, ending at the first directory that holds `.git` (or at the root)."""
    folders = []
    for folder in (start, *start.parents):
        folders.append(folder)
        if (folder / ".git").exists():
            break
    return folders


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not a readable TOML file ({type(error).__name__})") from None


def _parsed(path: Path, table: dict) -> ProjectConfig:
    """Validated settings: a wrong type or an unknown severity is an error naming the key."""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.privscan] must be a table")
    fail_on = table.get("fail_on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise ConfigError(f"{path}: fail_on must be one of {', '.join(SEVERITIES)}")
    allow_list = table.get("allow_list")
    if allow_list is not None and not isinstance(allow_list, str):
        raise ConfigError(f"{path}: allow_list must be a path")
    lists = {key: _string_list(path, key, table.get(key, [])) for key in _LISTS}
    return ProjectConfig(
        source=path,
        fail_on=fail_on,
        allow_list=str(path.parent / allow_list) if allow_list else None,
        **lists,
    )


def _string_list(path: Path, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    """--include/--exclude: which files of a directory walk are scanned (see cli/project_config.py)."""
    parser.add_argument(
        "--include", action="append", default=[], metavar="GLOB", help="scan only walked files matching (repeatable)"
    )
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip walked files matching (repeatable)"
    )
