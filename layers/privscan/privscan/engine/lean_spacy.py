"""Import spaCy without its command line.

``spacy/__init__.py`` imports ``spacy.cli`` (typer, the training and packaging
commands, ...) only to re-export ``spacy.info``. That is half of spaCy's import
time: cold-start cost for a command line the scanner never uses.

`defer_cli()` registers stand-ins for ``spacy.cli`` and ``spacy.cli.info``
before spaCy is first imported; anything that then touches them loads the real
command line. `release()` drops the stand-ins once spaCy is loaded, so a later
``import spacy.cli`` is an ordinary import.

`stop_words(lang)` reads a language's stop-word list without importing that language's package:
``spacy/lang/fr/__init__.py`` imports the French tokenizer exceptions, whose module compiles a
1.4 MB regular expression when it is imported, so the list alone must not cost that.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path

_NAMES = ("spacy.cli", "spacy.cli.info")


class _DeferredModule(types.ModuleType):
    def __getattr__(self, attribute: str):
        if attribute.startswith("__") and (attribute, self.__name__) != ("__path__", "spacy.cli"):
            raise AttributeError(attribute)  # the import system probing the stand-in (is it a package?)
        release()
        return getattr(importlib.import_module(self.__name__), attribute)


def _info(*args, **kwargs):
    release()
    from spacy.cli.info import info

    return info(*args, **kwargs)


def defer_cli() -> None:
    """Keep spaCy from importing its command line (and what it pulls in) at start-up, until something asks for it."""
    if "spacy" in sys.modules or any(name in sys.modules for name in _NAMES):
        return
    package, module = (_DeferredModule(name) for name in _NAMES)
    module.__dict__["info"] = _info
    sys.modules.update(zip(_NAMES, (package, module)))


def release() -> None:
    """Drop the deferred stand-ins, so that a later import loads the real modules."""
    for name in _NAMES:
        if isinstance(sys.modules.get(name), _DeferredModule):
            del sys.modules[name]


def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of `lang` (``spacy/lang/<lang>/stop_words.py``), read without running the language
    package's ``__init__`` (see the module docstring)."""
    package = sys.modules.get(f"spacy.lang.{lang}.stop_words")
    if package is None:
        root = importlib.util.find_spec("spacy.lang").submodule_search_locations[0]
        spec = importlib.util.spec_from_file_location(
            f"_privscan_spacy_stop_words_{lang}", Path(root, lang, "stop_words.py")
        )
        package = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(package)
    return frozenset(package.STOP_WORDS)
