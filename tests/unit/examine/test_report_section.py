"""The examination in the dataset report (section and charts) and in the governance record (JSON, markdown)."""

from __future__ import annotations

import io
import json
import re

import pytest
from privscan.examine import Examiner, examine_stream
from privscan_tools.reports import governance_markdown, render_html
from privscan_tools.reports.examination import governance_section

from tests.unit.examine.corpus import training_table
from tests.unit.reports.conftest import record, snapshot, store  # noqa: F401 - fixtures of the report tests


@pytest.fixture(scope="module")
def examination() -> dict:
    examiner = Examiner()
    try:
        examine_stream("train.csv", io.BytesIO(training_table()[0]), examiner)
        return examiner.report()
    finally:
        examiner.close()


def embedded(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page).group(1))


def test_report_has_the_examination_section_and_charts(record, examination):  # noqa: F811
    record["examination"] = governance_section(examination)
    page = render_html(record)
    assert "Training-set examination (AI Act Art. 10, Art. 53(1)(d))" in page
    assert re.findall(r'data-chart="(\w+)"', page)[-3:] == ["exam_positive_rates", "exam_languages", "exam_domains"]
    rates = {bar["label"]: bar["value"] for bar in embedded(page)["charts"]["exam_positive_rates"]}
    assert rates["Geschlecht: F"] == 30.0 and rates["Geschlecht: M"] == 50.0
    assert "<td>postcode</td><td>nationality</td>" in page


def test_governance_record_holds_the_examination(record, examination):  # noqa: F811
    record["examination"] = governance_section(examination)
    assert json.loads(json.dumps(record))["examination"]["bias"]["label"] == "approved"
    text = governance_markdown(record)
    assert "## Training-set examination (AI Act Art. 10, Art. 53(1)(d))" in text
    assert "| postcode | nationality |" in text


def test_report_without_examination_is_unchanged(record):  # noqa: F811
    page = render_html(record)
    assert "exam_" not in page and "Training-set examination" not in page
