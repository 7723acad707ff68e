"""The redaction stage: a de-identified copy of an object, in its own format, with a manifest of what changed.

`redact_stream` (redaction/stream.py) detects as a scan does and rewrites the object (redaction/rewrite.py);
`Redactor` (redaction/operators.py) says what replaces a value of each entity type: its mask, a realistic
fake (redaction/fakes.py) or a keyed hash. Pure Python, no AWS: the S3 side is privscan.redaction.objects.
"""

from privscan.redaction.operators import Redactor, parse_operators
from privscan.redaction.stream import RedactionReport, redact_stream

__all__ = ["RedactionReport", "Redactor", "parse_operators", "redact_stream"]
