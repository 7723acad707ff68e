"""Assemble the console's services from its settings: the review service, the revealer and the findings listing
share one store, engine and fingerprint key, built as the api function's are (privscan.wiring)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from privscan.console.listing import FindingsIndex
from privscan.console.settings import ConsoleSettings
from privscan.engine.rules.catalogue import RuleBook, rule_book
from privscan.review.reveal import Revealer
from privscan.review.workflow import ReviewService


@dataclass
class ConsoleServices:
    review: ReviewService
    revealer: Revealer
    index: FindingsIndex
    bucket: str  # the upload bucket: the listing's bucket unless one is asked for
    book: RuleBook = field(default_factory=rule_book)


@lru_cache(maxsize=1)
def get_console_services(settings: ConsoleSettings) -> ConsoleServices:
    """One set of services per process (engine, clients, key and the listing's rows are reused while warm)."""
    from privscan.wiring import review_parts

    s3, scanner, fingerprinter, store, allow_list = review_parts(settings, settings.audit_table)
    return ConsoleServices(
        review=ReviewService(store, allow_list, scanner, fingerprinter),
        revealer=Revealer(s3, store, scanner, fingerprinter, settings.read_limits),
        index=FindingsIndex(store, settings.console_cache_seconds, settings.console_max_findings),
        bucket=settings.upload_bucket,
    )
