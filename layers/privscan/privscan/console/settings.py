"""Settings of the console function: the scan settings (table, key, engine) plus the audit table, the upload
bucket and where the page signs in."""

from __future__ import annotations

import os
from functools import lru_cache

from pydantic import Field, PositiveInt

from privscan.settings import ScanSettings


def default_auth_endpoint() -> str:
    """Cognito's regional endpoint, where the page posts InitiateAuth."""
    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "eu-central-1"
    return f"https://cognito-idp.{region}.amazonaws.com/"


class ConsoleSettings(ScanSettings):
    """From the environment the template sets (CONSOLE_AUTH_ENDPOINT, CONSOLE_CLIENT_ID, AUDIT_TABLE, ...)."""

    audit_table: str = Field(min_length=1)
    upload_bucket: str = Field(min_length=1)
    console_auth_endpoint: str = Field(default_factory=default_auth_endpoint)
    console_client_id: str = ""
    # how long a warm function serves reviews in the findings listing from memory before reading every object again
    console_cache_seconds: float = Field(60.0, ge=0, le=600)
    console_max_findings: PositiveInt = 50_000  # findings of one bucket held for the listing

    @property
    def region(self) -> str:
        return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or ""


@lru_cache(maxsize=1)
def get_console_settings() -> ConsoleSettings:
    """The console function's settings, read once."""
    return ConsoleSettings()
