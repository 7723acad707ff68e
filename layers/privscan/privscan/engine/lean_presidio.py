"""Import Presidio without re-checking its own predefined regexes.

Importing ``presidio_analyzer`` imports every one of its ~110 predefined recognizers; their class
bodies build `Pattern`s, and `Pattern.__init__` checks each regex by compiling it with ``re``. The
URL recognizer's four patterns (about 1,500 alternatives each) are a large part of every cold start
on their own, before any text is seen; a recognizer compiles its patterns again, with ``regex``,
when it is first used.

`defer_checks()` registers an import hook before Presidio is first imported: while the
``presidio_analyzer`` package itself is being imported, the check is skipped (the patterns are
Presidio's, tested upstream); when that import ends, the check is restored and the hook removed,
so every `Pattern` built afterwards (privscan's recognizers, a user's) is checked as before.
"""

from __future__ import annotations

import importlib.abc
import sys
from typing import Any

_PACKAGE = "presidio_analyzer"
_PATTERN_MODULE = "presidio_analyzer.pattern"
_CHECK = "_Pattern__validate_regex"  # Pattern.__validate_regex, name-mangled
_restore: list[tuple[type, Any]] = []


def _unchecked(pattern: str) -> None:
    return None


class _Loader(importlib.abc.Loader):
    """The real loader of the package or of its `pattern` module, with the check switched around it."""

    def __init__(self, loader: importlib.abc.Loader, name: str):
        self._loader, self._name = loader, name

    def __getattr__(self, attribute: str):  # resources, source, is_package ... as the real loader has them
        return getattr(self._loader, attribute)

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        module.__loader__ = module.__spec__.loader = self._loader  # the module keeps its real loader
        if self._name == _PATTERN_MODULE:
            self._loader.exec_module(module)
            pattern = module.Pattern
            _restore.append((pattern, pattern.__dict__[_CHECK]))
            setattr(pattern, _CHECK, staticmethod(_unchecked))
            return
        try:
            self._loader.exec_module(module)
        finally:
            restore()


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path, target=None):
        if fullname not in (_PACKAGE, _PATTERN_MODULE):
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _Loader(spec.loader, fullname)
                return spec
        return None


def defer_checks() -> None:
    """Skip the regex checks of Presidio's own predefined patterns while Presidio itself is imported (see the module
    docstring)."""
    if _PACKAGE in sys.modules or any(isinstance(finder, _Finder) for finder in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())


def restore() -> None:
    """Check patterns again and remove the hook (at the end of Presidio's import; safe to call twice)."""
    while _restore:
        pattern, check = _restore.pop()
        setattr(pattern, _CHECK, check)
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, _Finder)]
