"""Bias and representation on a table with known group rates and a planted proxy."""

from __future__ import annotations

import hashlib
import io
import json
import math
from collections import Counter

import numpy as np
import pytest
from privscan.examine import Examiner, examine_stream
from privscan.examine.bias import BiasCounts, ColumnSample, decide_plan

from tests.unit.examine.corpus import SEX_GROUPS, training_table


def examine(data: bytes, name: str = "train.csv", **options) -> dict:
    examiner = Examiner(**options)
    try:
        examine_stream(name, io.BytesIO(data), examiner)
        return examiner.report()
    finally:
        examiner.close()


@pytest.fixture(scope="module")
def table():
    return training_table()


@pytest.fixture(scope="module")
def report(table):
    return examine(table[0])


def attribute(report: dict, column: str) -> dict:
    return next(a for a in report["bias"]["attributes"] if a["column"] == column)


def test_label_detected_without_being_named(report):
    assert report["records"] == 1000
    assert report["bias"]["label"] == "approved"
    assert report["bias"]["label_evidence"] == "detected"
    assert report["bias"]["positive_value"] == "1"


def test_protected_columns_named_with_their_category(report):
    found = {a["column"]: (a["category"], a["evidence"]) for a in report["bias"]["attributes"]}
    assert found == {
        "Geschlecht": ("sex", "header"),
        "age": ("age", "header"),
        "nationality": ("nationality", "header"),
    }


def test_group_counts_rates_disparate_impact_and_parity(report):
    sex = attribute(report, "Geschlecht")
    groups = {g["value"]: (g["count"], g["share"], g["positive_rate"]) for g in sex["groups"]}
    assert groups == {
        value: (count, count / 1000, pytest.approx(positives / count))
        for value, (count, positives) in SEX_GROUPS.items()
    }
    assert sex["disparate_impact"] == pytest.approx(0.3 / 0.5, abs=1e-4)  # F 0.30 / M 0.50
    assert sex["statistical_parity_difference"] == pytest.approx(-0.2, abs=1e-4)


def test_age_in_standard_bands_with_empty_bands_as_gaps(report, table):
    age = attribute(report, "age")
    bands = [g["value"] for g in age["groups"]]
    assert bands == ["<18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
    counts = {g["value"]: g["count"] for g in age["groups"]}
    ages = [int(row["age"]) for row in table[1]]
    assert counts["18-24"] == sum(18 <= a <= 24 for a in ages)
    assert counts["55-64"] == sum(55 <= a <= 64 for a in ages)
    gaps = {(g["attribute"], g["group"]) for g in report["bias"]["gaps"]}
    assert ("age", "<18") in gaps and ("age", "65+") in gaps
    assert ("Geschlecht", "divers") not in gaps  # 10%: above the 5% gap share


def test_planted_proxy_named_for_its_attribute(report, table):
    proxies = {(p["column"], p["attribute"]): p for p in report["bias"]["proxies"]}
    assert ("postcode", "nationality") in proxies
    assert not any(column in ("shoe_size", "income") for column, _ in proxies)
    # recomputed from the rows with numpy: plain Cramér's V of postcode x nationality
    rows = table[1]
    nat = sorted({r["nationality"] for r in rows})
    codes = sorted({r["postcode"] for r in rows})
    observed = np.zeros((len(nat), len(codes)))
    for r in rows:
        observed[nat.index(r["nationality"]), codes.index(r["postcode"])] += 1
    expected = np.outer(observed.sum(1), observed.sum(0)) / observed.sum()
    plain = math.sqrt(((observed - expected) ** 2 / expected).sum() / observed.sum() / (min(observed.shape) - 1))
    assert proxies[("postcode", "nationality")]["cramers_v_plain"] == pytest.approx(plain, abs=1e-4)
    assert plain == pytest.approx(1.0)


def test_given_label_must_be_binary(table):
    with pytest.raises(ValueError, match="two values"):
        examine(table[0], label="income")


def test_attributes_found_by_their_values_alone():
    lines = ["c1,c2,c3,outcome"]
    religions = ["catholic", "protestant", "muslim", "none"]
    for index in range(200):
        lines.append(f"{'FM'[index % 2]},{religions[index % 4]},{index % 7},{index % 3 == 0}")
    report = examine(("\n".join(lines) + "\n").encode())
    found = {a["column"]: (a["category"], a["evidence"]) for a in report["bias"]["attributes"]}
    assert found == {"c1": ("sex", "values"), "c2": ("religion", "values")}
    assert report["bias"]["label"] == "outcome"


def test_special_categories_in_clear_or_pseudonymised():
    lines = ["religion,ethnicity,score"]
    for index in range(100):
        digest = hashlib.sha256(f"group-{index % 4}".encode()).hexdigest()
        lines.append(f"{['catholic', 'muslim'][index % 2]},{digest},{index}")
    report = examine(("\n".join(lines) + "\n").encode())
    safeguards = {s["column"]: (s["in_clear"], s["pseudonymised"]) for s in report["special_category_safeguards"]}
    assert safeguards == {"religion": (True, False), "ethnicity": (False, True)}
    assert all(len(s["safeguards"]) == 6 for s in report["special_category_safeguards"])


def test_counts_of_two_chunks_merge_to_the_whole(table):
    rows = [{k: v for k, v in r.items()} for r in table[1]]
    samples: dict[str, ColumnSample] = {}
    for row in rows:
        for name, text in row.items():
            samples.setdefault(name, ColumnSample()).add(text)
    plan = decide_plan(samples)
    whole, first, second = BiasCounts(), BiasCounts(), BiasCounts()
    for index, row in enumerate(rows):
        whole.add(plan, row)
        (first if index < 400 else second).add(plan, row)
    first.merge(second)
    assert first.outcomes == whole.outcomes and first.joint == whole.joint and first.records == 1000


def test_no_raw_identifier_in_the_report(report, table):
    text = json.dumps(report)
    assert not any(row["applicant_id"] in text for row in table[1])
    assert not any(f'"{row["income"]}"' in text for row in table[1][:50])


def test_birth_dates_grouped_by_decade_never_listed():
    lines = ["date_of_birth,approved"] + [f"19{60 + i % 30}-0{1 + i % 9}-1{i % 9},{i % 2}" for i in range(100)]
    report = examine(("\n".join(lines) + "\n").encode())
    groups = Counter({g["value"]: g["count"] for g in attribute(report, "date_of_birth")["groups"]})
    assert set(groups) == {"1960s", "1970s", "1980s"}
    assert "1961-02-11" not in json.dumps(report)


def test_given_label_not_in_the_data():
    with pytest.raises(ValueError, match="not in the data"):
        examine(b"a,b\n1,2\n", label="approved")
    with pytest.raises(ValueError, match="not in the data"):
        examine(b"just a line of text\n", name="notes.txt", label="approved")
