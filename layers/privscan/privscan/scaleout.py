"""The scale-out steps behind the state machine: plan, scan one chunk, reduce (privscan.chunked on S3).

Each step is idempotent, keyed by the object version: the plan, the manifest and each chunk's part
are rewritten under the same staging keys on a retry, and the reducer writes the same findings items,
results object, summary and status however often it runs.

    staging/<bucket>/<key>/<version>/plan.json        the plan (profiles, operator-name hashes, chunks)
                                     manifest.json    the Distributed Map's items: one per chunk
                                     parts/00000.jsonl   one chunk's result and findings
                                     inflated         a gzip object, inflated (it cannot be split)
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict, dataclass
from functools import lru_cache

from privscan.adapters.s3_objects import S3Source, put_stream
from privscan.chunked.plan import Plan, plan_object
from privscan.chunked.reduce import reduce_chunks
from privscan.chunked.work import read_part, scan_chunk_part
from privscan.events import ObjectRef
from privscan.model import ScanStatus
from privscan.observability import logger
from privscan.service import ObjectScanService
from privscan.spool import FindingSpool


@dataclass
class ScaleOutService:
    objects: ObjectScanService

    @property
    def bucket(self) -> str:
        return self.objects.settings.results_bucket

    def staging(self, ref: ObjectRef) -> str:
        return f"{self.objects.settings.staging_prefix}{ref.bucket}/{ref.key}/{ref.version_token}/"

    # -- plan -------------------------------------------------------------------------------
    def plan(self, ref: ObjectRef) -> dict:
        base, s3 = self.staging(ref), self.objects.s3
        self.objects.store.set_status(ref, ScanStatus.SCANNING, "planning chunks")

        def stage(stream) -> S3Source:
            put_stream(s3, stream, self.bucket, base + "inflated")
            return S3Source(s3, self.bucket, base + "inflated")

        plan, _ = plan_object(
            ref.key, S3Source(s3, ref.bucket, ref.key, ref.version_id, ref.size),
            chunk_bytes=self.objects.settings.chunk_bytes, scanner=self.objects.scanner,
            fingerprinter=self.objects.fingerprinter, limits=self.objects.settings.read_limits, stage=stage,
        )
        self._put_json(base + "plan.json", plan.to_dict())
        items = [{"object": asdict(ref), "plan_key": base + "plan.json", "chunk": c.index} for c in plan.chunks]
        self._put_json(base + "manifest.json", items)
        logger.info("object planned", format=plan.format, chunks=len(plan.chunks), outcome=plan.outcome)
        return {"object": asdict(ref), "plan_key": base + "plan.json",
                "manifest": {"Bucket": self.bucket, "Key": base + "manifest.json"}, "chunks": len(plan.chunks)}

    # -- one chunk --------------------------------------------------------------------------
    def scan_chunk(self, ref: ObjectRef, plan_key: str, index: int) -> dict:
        plan = self._plan(plan_key)
        source = self._data(plan, ref, plan_key)
        suppressor = self.objects.suppressions().for_object(ref.bucket, ref.key, self.objects.fingerprinter)
        with tempfile.TemporaryFile() as part:
            result = scan_chunk_part(plan, index, source, part, scanner=self.objects.scanner,
                                     fingerprinter=self.objects.fingerprinter, suppressor=suppressor,
                                     limits=self.objects.settings.read_limits)
            part.seek(0)
            put_stream(self.objects.s3, part, self.bucket, self._part_key(plan_key, index), "application/x-ndjson")
        logger.info("chunk scanned", chunk=index, records=result.records)
        return {"chunk": index, "records": result.records}  # small: Map results stay within state limits

    # -- reduce -----------------------------------------------------------------------------
    def reduce(self, ref: ObjectRef, plan_key: str) -> dict:
        plan = self._plan(plan_key)
        results = FindingSpool()
        try:
            try:
                parts = [self._part(plan_key, chunk.index) for chunk in plan.chunks]
                report = reduce_chunks(plan, parts, lambda finding: results(finding.to_dict()),
                                       self.objects.scanner.config, self.objects.settings.read_limits)
            except Exception as error:
                self.objects.store.set_status(ref, ScanStatus.FAILED, f"{type(error).__name__} while reducing chunks")
                raise
            return self.objects.record(ref, report, *self.objects.publish(ref, report, results))
        finally:
            results.close()

    # -- staging ----------------------------------------------------------------------------
    def _part_key(self, plan_key: str, index: int) -> str:
        return plan_key.removesuffix("plan.json") + f"parts/{index:05d}.jsonl"

    def _part(self, plan_key: str, index: int):
        key = self._part_key(plan_key, index)
        result, _ = read_part(self._lines(key))

        def findings():
            return read_part(self._lines(key))[1]

        return result, findings

    def _lines(self, key: str):
        return self.objects.s3.get_object(Bucket=self.bucket, Key=key)["Body"].iter_lines()

    def _data(self, plan: Plan, ref: ObjectRef, plan_key: str) -> S3Source:
        if plan.compressed:  # a gzip is always inflated to staging first
            return S3Source(self.objects.s3, self.bucket, plan_key.removesuffix("plan.json") + "inflated")
        return S3Source(self.objects.s3, ref.bucket, ref.key, ref.version_id, ref.size)

    def _plan(self, key: str) -> Plan:
        return _cached_plan(self.objects.s3, self.bucket, key)

    def _put_json(self, key: str, data) -> None:
        body = json.dumps(data, separators=(",", ":")).encode("utf-8")
        self.objects.s3.put_object(Bucket=self.bucket, Key=key, Body=body, ContentType="application/json",
                                   ServerSideEncryption="AES256")


@lru_cache(maxsize=8)
def _cached_plan(s3, bucket: str, key: str) -> Plan:
    """A warm chunk worker scans several chunks of one object: the plan is read once."""
    return Plan.from_dict(json.loads(s3.get_object(Bucket=bucket, Key=key)["Body"].read()))
