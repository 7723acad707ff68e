"""Settings of the api function: the scan function's, plus where uploads and the scan queue are and the sync limits."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, PositiveInt

from privscan.settings import ScanSettings

MiB = 1024**2


class ApiSettings(ScanSettings):
    """Settings of the api function: the scan settings plus the audit table and the reviewers."""

    audit_table: str = Field(min_length=1)  # review changes, append-only (adapters/findings_store.py)
    # comma-separated role or user ARNs that may review findings and add suppressions; empty: nobody
    reviewer_principals: str = ""
    upload_bucket: str = Field(min_length=1)
    scan_queue_url: str = Field(min_length=1)
    max_sync_bytes: PositiveInt = 1 * MiB  # decoded; API Gateway takes 10 MB and Lambda 6 MB, base64 adds a third
    sync_time_limit_s: float = Field(
        20.0, gt=0, le=25
    )  # API Gateway answers 503 after 30 s; the function stops at 29 s


@lru_cache(maxsize=1)
def get_api_settings() -> ApiSettings:
    """The api function's settings, read once."""
    return ApiSettings()
