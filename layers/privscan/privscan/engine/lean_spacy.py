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

`factor_french_token_match()` registers an import hook for that module: it runs spaCy's own module, with
a ``re`` whose ``compile`` writes the alternation's common endings once (`regex_factor.factor`): the same
language of tokens, compiled in a fraction of the time, so the first French text of a process no longer
pays for the large one; and only on its first use, which a pipeline loaded by `load` never makes. The French
NER pipeline stores the same rewritten pattern in its tokenizer (scripts/slim_ner_model.py), which spaCy
compiles again when it loads it.

`load(name)` loads a pipeline whose tokenizer starts empty: spaCy builds a pipeline's tokenizer from its
language's defaults (thousands of special cases, each creating lexemes; the affix regexes compiled) and
then, reading the pipeline's own ``tokenizer`` file, resets every one of those settings and loads them
again from the file. Starting from an empty tokenizer, the file's settings are the only ones loaded: the
same tokenizer, built once (docs/performance.md, Cold start); its models then multiply matrices with numpy
(engine/blas.py).
"""

from __future__ import annotations

import builtins
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import re
import sys
import types
from pathlib import Path

from privscan.engine.blas import numpy_matrix_products
from privscan.engine.regex_factor import factor

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


FRENCH_EXCEPTIONS = "spacy.lang.fr.tokenizer_exceptions"


class _LazyPattern:
    """A pattern compiled, factored when it can be, on its first use. A pipeline loaded by `load` takes its
    tokenizer's TOKEN_MATCH from the pipeline's own file, so the one the French module makes when it is imported is
    compiled only where something uses it (a tokenizer built from the language's defaults, ``spacy.blank("fr")``)."""

    def __init__(self, pattern, flags: int):
        self._pattern, self._flags, self._compiled = pattern, flags, None

    def compiled(self) -> re.Pattern:
        """The compiled pattern (compiled now if it is not yet; two threads compiling it at once get equal ones)."""
        if self._compiled is None:
            factored = factor(self._pattern) if isinstance(self._pattern, str) else None
            self._compiled = re.compile(self._pattern if factored is None else factored, self._flags)
        return self._compiled

    @property
    def match(self) -> _LazyMatch:
        """`match`, bound without compiling (the French module keeps ``re.compile(...).match``)."""
        return _LazyMatch(self)

    def __getattr__(self, attribute: str):
        if attribute.startswith("_"):  # its own slots before __init__ ran (unpickling), or Python probing
            raise AttributeError(attribute)
        return getattr(self.compiled(), attribute)

    def __reduce__(self):
        return _LazyPattern, (self._pattern, self._flags)


class _LazyMatch:
    """A `_LazyPattern`'s `match`: the pattern is compiled on the first call. `__self__` is the compiled pattern, as
    for a bound method (spaCy writes a tokenizer's TOKEN_MATCH to disk as ``token_match.__self__.pattern``)."""

    def __init__(self, pattern: _LazyPattern):
        self._lazy = pattern

    def __call__(self, *args, **kwargs):
        return self._lazy.compiled().match(*args, **kwargs)

    @property
    def __self__(self) -> re.Pattern:
        return self._lazy.compiled()

    def __reduce__(self):
        return _LazyMatch, (self._lazy,)


class _FactoringRe(types.ModuleType):
    """``re`` as the French tokenizer exceptions see it: `compile` gives the factored pattern, compiled on first use."""

    def __getattr__(self, attribute: str):
        return getattr(re, attribute)

    @staticmethod
    def compile(pattern, flags=0):
        return _LazyPattern(pattern, flags)


_FACTORING_RE = _FactoringRe("re")


class _FactoringLoader(importlib.machinery.SourceFileLoader):
    """Runs the module's own code, its ``import re`` answered with `_FACTORING_RE`."""

    def exec_module(self, module) -> None:
        def _import(name, globals=None, locals=None, fromlist=(), level=0):
            if name == "re" and level == 0:
                return _FACTORING_RE
            return builtins.__import__(name, globals, locals, fromlist, level)

        module.__dict__["__builtins__"] = {**vars(builtins), "__import__": _import}
        super().exec_module(module)


class _FrenchExceptionsFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname != FRENCH_EXCEPTIONS:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or type(spec.loader) is not importlib.machinery.SourceFileLoader:
            return spec  # a compiled-only or unusual install: imported as it is
        spec.loader = _FactoringLoader(fullname, spec.origin)
        return spec


def factor_french_token_match() -> None:
    """Have spaCy's French tokenizer exceptions compile their TOKEN_MATCH factored (see the module docstring)."""
    if FRENCH_EXCEPTIONS in sys.modules or any(isinstance(f, _FrenchExceptionsFinder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _FrenchExceptionsFinder())


TOKENIZER_FROM_DISK = "privscan.TokenizerFromDisk.v1"


def _tokenizer_from_disk():
    """A spaCy tokenizer factory: an empty tokenizer, whose every setting the pipeline's tokenizer file supplies."""
    from spacy.tokenizer import Tokenizer

    def create(nlp):
        return Tokenizer(nlp.vocab)

    return create


def load(name: str | Path):
    """`spacy.load(name)` with the tokenizer built from the pipeline's own file only (see the module docstring).

    spaCy's reading of that file resets every setting before it loads the file's, so whatever the language's
    defaults are, the loaded tokenizer is the one the file describes either way."""
    import spacy
    from spacy.util import registry

    if TOKENIZER_FROM_DISK not in registry.tokenizers:
        registry.tokenizers.register(TOKENIZER_FROM_DISK, func=_tokenizer_from_disk)
    nlp = spacy.load(name, config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_FROM_DISK}}})
    numpy_matrix_products(nlp)  # engine/blas.py: the same annotations, faster
    return nlp
