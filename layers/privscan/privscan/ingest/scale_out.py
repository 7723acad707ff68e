"""The scale-out steps behind the state machine: plan, scan one chunk, reduce (privscan.ingest.chunked on S3).

Each step is idempotent, keyed by the object version: the plan, the manifest and each chunk's part
are rewritten under the same staging keys on a retry, and the reducer writes the same findings items,
results object, summary and status however often it runs. The reducer writes as the single-pass scan
does, claiming the object for its event: when a later event (a newer version, a removal) was recorded
while the chunks were scanned, it ends the version as superseded and changes nothing else.

    staging/<bucket>/<stored key>/<version>/plan.json the plan (profiles, operator-name hashes, chunks)
                                     manifest.json    the Distributed Map's items: one per chunk
                                     parts/00000.jsonl   one chunk's result and findings
                                     inflated         a gzip object, inflated (it cannot be split)
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache

from privscan.ingest.chunked.plan import Plan, budget, plan_object
from privscan.ingest.chunked.reduce import merge_results
from privscan.ingest.chunked.work import ChunkResult, read_part, scan_chunk_part
from privscan.ingest.events import ObjectRef
from privscan.ingest.service import LATER_EVENT, ObjectScanService
from privscan.model import ScanStatus
from privscan.observability import logger
from privscan.store.findings_store import Superseded
from privscan.store.s3_objects import ByteRange, S3Source, compose_object, put_stream
from privscan.store.spool import finding_line

HEAD_THREADS = 16  # the reducer's reads of the parts' first lines


@dataclass(frozen=True)
class StagedPart:
    """One chunk's staged part in the results bucket: where its findings start and how large it is."""

    key: str
    result: ChunkResult
    findings_start: int  # the findings follow the result's line
    size: int


@dataclass
class ScaleOutService:
    """The plan, scan-chunk and reduce steps of the chunked-scan state machine, each idempotent per object version."""

    objects: ObjectScanService

    @property
    def bucket(self) -> str:
        """The results bucket, where plans, manifests and staged parts are kept."""
        return self.objects.settings.results_bucket

    def staging(self, ref: ObjectRef) -> str:
        """The staging prefix of one object version (its key as the store renders it, never a raw personal value)."""
        stored_key = self.objects.store.stored_key(ref.key)  # a key holding personal data masked, as in the store
        return f"{self.objects.settings.staging_prefix}{ref.bucket}/{stored_key}/{ref.version_token}/"

    # -- plan -------------------------------------------------------------------------------
    def plan(self, ref: ObjectRef, resume: bool = False) -> dict:
        """Plan the object, or go on planning it (`resume`) from the unfinished plan in staging.

        Each invocation stops within its budget; until the plan is finished the answer says
        `"planned": false` and the state machine calls again. The manifest is written at the end.
        """
        base, s3, settings = self.staging(ref), self.objects.s3, self.objects.settings
        plan_key = base + "plan.json"
        self.objects.log_object(ref)
        options = {
            "chunk_bytes": settings.chunk_bytes,
            "scanner": self.objects.scanner,
            "fingerprinter": self.objects.fingerprinter,
            "limits": settings.read_limits,
            "budget": budget(max_bytes=settings.plan_budget_bytes, seconds=settings.plan_budget_seconds),
        }
        if resume:
            unfinished = self._read_plan(plan_key)
            plan, _ = plan_object(ref.key, self._data(unfinished, ref, plan_key), resume=unfinished, **options)
        else:
            self.objects.store.set_status(ref, ScanStatus.SCANNING, "planning chunks")

            def stage(stream) -> S3Source:
                put_stream(s3, stream, self.bucket, base + "inflated")
                return S3Source(s3, self.bucket, base + "inflated")

            plan, _ = plan_object(
                ref.key, S3Source(s3, ref.bucket, ref.key, ref.version_id, ref.size), stage=stage, **options
            )
        self._put_json(plan_key, plan.to_dict())
        if not plan.finished:
            logger.info("object planning goes on", phase=plan.cursor.phase, chunks=len(plan.chunks))
            return {"object": asdict(ref), "plan_key": plan_key, "planned": False}
        items = [{"object": asdict(ref), "plan_key": plan_key, "chunk": c.index} for c in plan.chunks]
        self._put_json(base + "manifest.json", items)
        logger.info("object planned", format=plan.format, chunks=len(plan.chunks), outcome=plan.outcome)
        return {
            "object": asdict(ref),
            "plan_key": plan_key,
            "planned": True,
            "manifest": {"Bucket": self.bucket, "Key": base + "manifest.json"},
            "chunks": len(plan.chunks),
        }

    # -- one chunk --------------------------------------------------------------------------
    def scan_chunk(self, ref: ObjectRef, plan_key: str, index: int) -> dict:
        """Scan one chunk of a planned object and stage its findings; a chunk already staged is not scanned again."""
        self.objects.log_object(ref)
        plan = self._plan(plan_key)
        source = self._data(plan, ref, plan_key)
        objects = self.objects
        suppressor = objects.suppressions().for_object(
            ref.bucket, ref.key, objects.fingerprinter, objects.store.stored_key(ref.key)
        )
        with tempfile.TemporaryFile() as part:
            result = scan_chunk_part(
                plan,
                index,
                source,
                part,
                scanner=self.objects.scanner,
                fingerprinter=self.objects.fingerprinter,
                suppressor=suppressor,
                limits=self.objects.settings.read_limits,
            )
            part.seek(0)
            put_stream(self.objects.s3, part, self.bucket, self._part_key(plan_key, index), "application/x-ndjson")
        logger.info("chunk scanned", chunk=index, records=result.records)
        return {"chunk": index, "records": result.records}  # small: Map results stay within state limits

    # -- reduce -----------------------------------------------------------------------------
    def reduce(self, ref: ObjectRef, plan_key: str) -> dict:
        """Report and closing findings from the parts' first lines; the record findings are not parsed:
        the results object is assembled from the parts' bytes by S3, and only the first findings are
        read, for the capped items. Time and memory grow with the chunks, not the findings."""
        self.objects.log_object(ref)
        plan = self._plan(plan_key)
        try:
            with ThreadPoolExecutor(HEAD_THREADS, thread_name_prefix="part-head") as pool:  # one GET per chunk
                parts = list(pool.map(lambda chunk: self._part(plan_key, chunk.index), plan.chunks))
            report, tail = merge_results(
                plan, [part.result for part in parts], self.objects.scanner.config, self.objects.settings.read_limits
            )
        except Exception as error:
            self.objects.store.set_status(ref, ScanStatus.FAILED, f"{type(error).__name__} while reducing chunks")
            raise
        closing = [finding.to_dict() for finding in tail]

        def lines() -> Iterator[dict]:
            for part in parts:
                if part.size > part.findings_start:
                    yield from (json.loads(line) for line in self._lines(part.key, part.findings_start))
            yield from closing

        def upload(bucket: str, key: str) -> str:
            pieces = [ByteRange(part.key, part.findings_start, part.size) for part in parts]
            compose_object(
                self.objects.s3, bucket, key, [*pieces, b"".join(map(finding_line, closing))], "application/x-ndjson"
            )
            return f"s3://{bucket}/{key}"

        try:
            published = self.objects.publish_findings(ref, report, report.findings_total, lines, upload)
        except Superseded:  # a later event of the object was recorded while the chunks were scanned
            return self.objects.superseded(ref, LATER_EVENT)
        return self.objects.record(ref, report, *published)

    # -- staging ----------------------------------------------------------------------------
    def _part_key(self, plan_key: str, index: int) -> str:
        return plan_key.removesuffix("plan.json") + f"parts/{index:05d}.jsonl"

    def _part(self, plan_key: str, index: int) -> StagedPart:
        """A part's result (its first line) and where its findings lie; the rest is not read."""
        key = self._part_key(plan_key, index)
        response = self.objects.s3.get_object(Bucket=self.bucket, Key=key)
        try:
            head = next(response["Body"].iter_lines())  # without its newline
        finally:
            response["Body"].close()
        return StagedPart(key, read_part([head])[0], len(head) + 1, response["ContentLength"])

    def _lines(self, key: str, start: int):
        return self.objects.s3.get_object(Bucket=self.bucket, Key=key, Range=f"bytes={start}-")["Body"].iter_lines()

    def _data(self, plan: Plan, ref: ObjectRef, plan_key: str) -> S3Source:
        if plan.compressed:  # a gzip is always inflated to staging first
            return S3Source(self.objects.s3, self.bucket, plan_key.removesuffix("plan.json") + "inflated")
        return S3Source(self.objects.s3, ref.bucket, ref.key, ref.version_id, ref.size)

    def _plan(self, key: str) -> Plan:
        return _cached_plan(self.objects.s3, self.bucket, key)

    def _read_plan(self, key: str) -> Plan:  # an unfinished plan changes with every planner invocation: not cached
        return Plan.from_dict(json.loads(self.objects.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()))

    def _put_json(self, key: str, data) -> None:
        body = json.dumps(data, separators=(",", ":")).encode("utf-8")
        self.objects.s3.put_object(
            Bucket=self.bucket, Key=key, Body=body, ContentType="application/json", ServerSideEncryption="AES256"
        )


@lru_cache(maxsize=8)
def _cached_plan(s3, bucket: str, key: str) -> Plan:
    """A warm chunk worker scans several chunks of one object: the (finished) plan is read once."""
    return Plan.from_dict(json.loads(s3.get_object(Bucket=bucket, Key=key)["Body"].read()))
