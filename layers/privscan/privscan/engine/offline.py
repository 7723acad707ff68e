"""Keep Presidio off the network.

Presidio's EmailRecognizer validates domains with ``tldextract.extract``, whose
default extractor downloads the public suffix list on first use. privscan runs
in Lambda and CI with no egress, so it uses the suffix-list snapshot that ships
inside tldextract and never fetches.
"""

from __future__ import annotations

from functools import lru_cache

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer


@lru_cache(maxsize=1)
def offline_tld_extractor() -> tldextract.TLDExtract:
    """A tldextract that uses its bundled suffix list only: nothing is downloaded at run time."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer with the offline domain check."""

    def validate_result(self, pattern_text: str) -> bool:
        """Whether the address's domain ends in a known public suffix."""
        return offline_tld_extractor()(pattern_text).fqdn != ""
