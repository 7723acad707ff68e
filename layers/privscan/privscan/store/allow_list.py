"""The allow-list object (engine/suppress.py's YAML) in the results bucket: read fresh, and added to safely.

Adding is a read-modify-write made safe by S3 conditional writes: the new version is put
only if the object is still the one read (If-Match on its ETag; If-None-Match: * when it
did not exist), otherwise the add is retried on the newer version. Adding what is already
there writes nothing, so a retried review does not grow the list.

This object (encrypted at rest) is the one store of a suppression pattern as a reviewer wrote
it, since the scans must apply it; audit entries, answers and reports name a pattern only by
its keyed fingerprint and masked preview (review.py), and nothing here logs an entry.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from botocore.exceptions import ClientError

from privscan.engine.suppress import Suppressions
from privscan.observability import logger

ATTEMPTS = 5
MERGED_LISTS = ("fingerprints", "patterns", "values")


class AllowListBusy(Exception):
    """Concurrent writers kept changing the allow list; the caller may retry."""


@dataclass
class AllowListObject:
    """The allow list kept as a YAML object in the results bucket, read again whenever its ETag changes."""

    s3: object  # boto3 S3 client
    bucket: str
    key: str

    def read(self) -> Suppressions:
        """The allow list as it is now, its skipped entries logged without their content."""
        suppressions = Suppressions.from_yaml(self._get()[0])
        log_problems(suppressions)
        return suppressions

    def add(self, entry: dict) -> bool:
        """Merge `entry` ({scope, entities, fingerprints | patterns}) into the list. Returns whether it changed."""
        for _ in range(ATTEMPTS):
            text, etag = self._get()
            document = yaml.safe_load(text or "") or {}
            entries = document.setdefault("allow", [])
            if not merge_entry(entries, entry):
                return False
            condition = {"IfMatch": etag} if etag else {"IfNoneMatch": "*"}
            try:
                self.s3.put_object(
                    Bucket=self.bucket,
                    Key=self.key,
                    Body=yaml.safe_dump(document, sort_keys=False).encode(),
                    ContentType="application/yaml",
                    ServerSideEncryption="AES256",
                    **condition,
                )
                return True
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") not in {
                    "PreconditionFailed",
                    "ConditionalRequestConflict",
                }:
                    raise
        raise AllowListBusy(self.key)

    def _get(self) -> tuple[str | None, str | None]:
        try:
            response = self.s3.get_object(Bucket=self.bucket, Key=self.key)
        except self.s3.exceptions.NoSuchKey:
            return None, None
        return response["Body"].read().decode("utf-8"), response["ETag"]


def log_problems(suppressions: Suppressions) -> None:
    """What was skipped of the list: its place and code (a pattern or value may be personal data)."""
    for problem in suppressions.problems:
        logger.warning("allow list entry skipped", location=problem.location, code=problem.code)


def merge_entry(entries: list[dict], entry: dict) -> bool:
    """Add `entry` to `entries`, into an entry of the same scope and entities when there is one."""
    same = next(
        (
            e
            for e in entries
            if e.get("scope") == entry["scope"] and sorted(e.get("entities", [])) == sorted(entry.get("entities", []))
        ),
        None,
    )
    if same is None:
        entries.append(entry)
        return True
    changed = False
    for name in MERGED_LISTS:
        new = [v for v in entry.get(name, []) if v not in same.get(name, [])]
        if new:
            same[name] = same.get(name, []) + new
            changed = True
    return changed
