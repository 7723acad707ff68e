"""YAML for the engine's catalogues: libyaml's C loader when PyYAML has it (it loads them faster at cold start)."""

from __future__ import annotations

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream):
    """`yaml.safe_load`, with the C implementation of the same safe loader."""
    return yaml.load(stream, Loader=_LOADER)  # a SafeLoader, only faster
