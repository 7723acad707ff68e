"""The detection engine: pure Python, no AWS. `get_scanner()` builds it once per process.

Importing this package is cheap; spaCy and Presidio load only when a scanner is built.
"""

from __future__ import annotations

import gc
from functools import lru_cache
from typing import TYPE_CHECKING

from privscan.engine import lean_presidio, lean_spacy
from privscan.engine.config import EngineConfig

lean_spacy.defer_cli()  # before anything imports spaCy (every engine module imports this package first)
lean_spacy.factor_french_token_match()
lean_presidio.defer_checks()  # ... or Presidio

if TYPE_CHECKING:
    from privscan.engine.scanner import Scanner


@lru_cache(maxsize=4)
def get_scanner(config: EngineConfig | None = None) -> Scanner:
    """The process's scanner for this configuration, built once (analyzer, detector and worker processes are
    expensive)."""
    from privscan.engine.analyzer import build_analyzer
    from privscan.engine.detect import Detector
    from privscan.engine.scanner import Scanner
    from privscan.engine.signals import SignalDetector

    lean_spacy.release()
    config = config or EngineConfig()
    analyzer = build_analyzer(config)
    nlp = analyzer.nlp_engine.nlp[config.language]
    scanner = Scanner(Detector(analyzer, config, SignalDetector(nlp)), config)
    # The modules and models loaded so far live as long as the process: the cyclic garbage collector need not
    # walk them again (its next full pass would be part of the first result), and forked workers then share
    # their pages instead of copying them when a collection touches them. Once per process, after the young
    # generations' garbage is collected, so that a process building several scanners freezes no later garbage.
    if not gc.get_freeze_count():
        gc.collect(1)
        gc.freeze()
    return scanner


def warm_up() -> None:
    """Build and prime the engine for the configured model now (a Lambda's INIT phase, which SnapStart snapshots).

    Only SPACY_MODEL is read here; the function's other settings are validated when it first runs.
    """
    import os

    scanner = get_scanner(EngineConfig(spacy_model=os.environ.get("SPACY_MODEL", EngineConfig().spacy_model)))
    scanner.detector.prime()  # no worker is forked here: SnapStart snapshots this process only
