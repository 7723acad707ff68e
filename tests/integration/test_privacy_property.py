"""Property: a planted personal value reaches no sink, wherever it hides in the input.

Synthetic values (random e-mail addresses and German IBANs, made-up names, national identifiers from
python-stdnum's own documentation) are planted in every place a value can hide: a cell, a column name,
a JSON key, the object key, a consent cell, a malformed line, a chat turn. The objects go through the
deployed shape on moto (the real handler) and through the CLI; then every sink is searched, byte for
byte, for each value and its normalised forms: `privscan scan --format jsonl`, `privscan ci` (SARIF and
summary), every DynamoDB table, the results bucket (keys and bodies), `privscan report` (HTML, markdown,
governance record) and the logs at DEBUG.
"""

from __future__ import annotations

import doctest
import importlib
import io
import itertools
import json
import logging
import string
from pathlib import Path
from urllib.parse import quote, quote_plus

import boto3
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from privscan.engine.masking import normalise
from privscan.observability import logger
from privscan_tools.cli import main
from stdnum import iban as iban_check

from tests.integration.test_privacy import SDK_LOGGERS

# Modules whose documented numbers privscan reports without a context word (a strong check).
DOCUMENTED_ID_MODULES = ("be.nn", "fi.hetu", "fr.nir", "es.nie", "it.codicefiscale", "ro.cnp")
NAMES = (
    "Ottilie Brandstetter",
    "Kasimir Vondrak",
    "Henrike Oosterveld",
    "Greta Lindqvist",
    "Tobias Achterberg",
    "Marta Kowalczyk",
    "Felix Baumgartner",
)
DOMAINS = ("example.com", "example.org", "example.net")
EXAMPLES = itertools.count()


def documented_ids() -> list[str]:
    """The numbers python-stdnum's docstrings show `validate()` accepting."""
    found = []
    for name in DOCUMENTED_ID_MODULES:
        module = importlib.import_module(f"stdnum.{name}")
        for example in doctest.DocTestParser().get_examples(module.__doc__ or ""):
            if example.source.startswith("validate(") and example.exc_msg is None:  # accepted, not raising
                found.append(example.source.removeprefix("validate(").split(")")[0].strip("'"))
    return found


def german_iban(account: int) -> str:
    bban = f"37040044{account:010d}"
    return f"DE{iban_check.calc_check_digits('DE00' + bban)}{bban}"


words = st.text(string.ascii_lowercase, min_size=4, max_size=9)
planted_values = st.fixed_dictionaries(
    {
        "email": st.builds(lambda a, b, d: f"{a}.{b}@{d}", words, words, st.sampled_from(DOMAINS)),
        "iban": st.builds(german_iban, st.integers(0, 10**10 - 1)),
        "name": st.sampled_from(NAMES),
        "national_id": st.sampled_from(documented_ids()),
    }
)


def dataset(prefix: str, v: dict[str, str]) -> dict[str, bytes]:
    """Objects hiding every planted value in a cell, a column name, a JSON key, the object key, a consent
    cell, a malformed line and a chat turn."""
    e, i, n, d = v["email"], v["iban"], v["name"], v["national_id"]
    turn = {"messages": [{"role": "user", "content": f"I am {n}, mail {e}, IBAN {i}, national id {d}."}]}
    objects = {
        "cells.csv": f"customer_name,email,iban,national_id,marketing_consent\n{n},{e},{i},{d},{d}\n",
        "columns.csv": f"id,{e},{i},{n},{d}\n1,yes,no,yes,no\n",
        "keys.jsonl": json.dumps({"by_user": {e: {"score": 1}, i: 2, n: 3, d: 4}}) + "\n",
        "consent.csv": f"email,marketing_consent,gdpr_opt_in\nx@example.com,{e},{n}\n",
        "broken.jsonl": '{"note": "fine"}\n' + f'{{"email": "{e}", "iban": "{i}", "name": "{n}", \n',
        "broken.csv": f"a,b\n1,2\n{e},{i},{n},{d}\n",
        "chat.jsonl": json.dumps(turn) + "\n",
    }
    objects |= {f"{value}/data.csv": "id,amount\n1,20\n" for value in v.values()}
    objects |= {f"files/{value}.csv": "id,amount\n1,20\n" for value in v.values()}
    return {f"{prefix}/{key}": body.encode() for key, body in objects.items()}


def forms(value: str) -> set[str]:
    """The value as it may be written: as planted, normalised, compact, upper, escaped, URL-encoded."""
    variants = {value, value.casefold(), value.upper(), normalise(None, value), normalise("PERSON", value)}
    variants |= {value.replace(" ", ""), value.replace(" ", "_"), value.replace("-", "")}
    variants |= {json.dumps(x)[1:-1] for x in set(variants)} | {quote(value), quote_plus(value)}
    return {x for x in variants if len(x) >= 6}


def leaks(text: str, planted: dict[str, str]) -> list[str]:
    folded = text.casefold()
    return [f"{kind}: {form}" for kind, value in planted.items() for form in forms(value) if form.casefold() in folded]


def dynamodb_text() -> str:
    client = boto3.client("dynamodb")
    items = []
    for table in client.list_tables()["TableNames"]:
        for page in client.get_paginator("scan").paginate(TableName=table):
            items += page["Items"]
    return json.dumps(items, default=str, ensure_ascii=False)


def results_text(s3, bucket: str) -> str:
    parts = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for listed in page.get("Contents", []):
            parts += [listed["Key"], s3.get_object(Bucket=bucket, Key=listed["Key"])["Body"].read().decode()]
    return "\n".join(parts)


def local_outputs(root: Path, capsys) -> str:
    """`privscan scan --format jsonl` and `privscan ci` (SARIF, summary) on the files."""
    capsys.readouterr()
    main(["scan", str(root), "--format", "jsonl"])
    sarif, summary = root.parent / f"{root.name}.sarif", root.parent / f"{root.name}.md"
    main(["ci", str(root), "--sarif", str(sarif), "--summary", str(summary)])
    captured = capsys.readouterr()
    assert '"where": "column_name"' in captured.out and "GDPR-ART7-CONSENT-MISSING" in sarif.read_text()
    return f"{captured.out}\n{captured.err}\n{sarif.read_text()}\n{summary.read_text()}"


def report_outputs(pipeline, prefix: str, out: Path) -> str:
    table, bucket, audit = pipeline.stack.findings_table, pipeline.stack.bucket, pipeline.stack.audit_table
    arguments = ["--bucket", bucket, "--table", table, "--audit-table", audit, "--out", str(out)]
    assert main(["report", "--dataset", prefix + "/", *arguments]) == 0
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.iterdir()))


class Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@settings(
    max_examples=3,
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: the assertion names the value and the sink
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(planted=planted_values)
def test_a_planted_value_reaches_no_sink(pipeline, tmp_path_factory, capsys, planted):
    prefix = f"planted{next(EXAMPLES)}"
    objects = dataset(prefix, planted)
    root = tmp_path_factory.mktemp("files") / prefix
    for key, body in objects.items():
        path = root / key.removeprefix(prefix + "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)

    collected, structured = Collected(), io.StringIO()
    json_lines = logging.StreamHandler(structured)
    json_lines.setFormatter(logger.registered_formatter)
    root_logger = logging.getLogger()
    previous = root_logger.level
    root_logger.setLevel(logging.DEBUG)
    root_logger.addHandler(collected)
    logger._logger.addHandler(json_lines)
    logger._logger.addHandler(collected)
    try:
        for key, body in objects.items():
            pipeline.put(key, body)
        assert pipeline.deliver()[0] == {"batchItemFailures": []}
        local = local_outputs(root, capsys)
    finally:
        root_logger.removeHandler(collected)
        root_logger.setLevel(previous)
        logger._logger.removeHandler(json_lines)
        logger._logger.removeHandler(collected)
    own = [r.getMessage() for r in collected.records if not r.name.startswith(SDK_LOGGERS)]
    logs = "\n".join([structured.getvalue(), capsys.readouterr().out, *own])
    assert "object scanned" in logs

    stored = dynamodb_text()
    assert '"object_key"' in stored and '"json_key"' in stored and '"column_name"' in stored
    sinks = {
        "scan, ci, SARIF": local,
        "DynamoDB": stored,
        "results bucket": results_text(pipeline.s3, pipeline.stack.outputs["ResultsBucketName"]),
        "report": report_outputs(pipeline, prefix, tmp_path_factory.mktemp("report")),
        "logs": logs,
    }
    assert {sink: leaks(text, planted) for sink, text in sinks.items()} == {sink: [] for sink in sinks}
