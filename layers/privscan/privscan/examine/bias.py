"""Bias and representation of a training table (AI Act Art. 10(2)(f)-(g), 10(3)), streamed.

The first SAMPLE_RECORDS records decide a `Plan`: which columns are protected attributes (by header or by
values), which is the label and its favourable value, and how every column's values fall into a bounded
number of groups (age in standard bands, other numbers in quantile bins of the sample, text as its
TOP_VALUES most frequent sampled values plus `other`). Then every record adds to counters only:
(group, positive) per attribute and (group, bucket) per attribute and other column. Counters of chunks
examined under the same plan merge by addition (`BiasCounts.merge`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from privscan.examine.attributes import (
    SPECIAL_CATEGORIES,
    header_category,
    is_label_name,
    looks_like_ages,
    normalise_value,
    positive_value,
    value_category,
)
from privscan.examine.stats import cramers_v, disparate_impact, parity_difference, positive_rates

SAMPLE_RECORDS = 2000  # records buffered to decide the plan
TOP_VALUES = 20  # groups of a text column (the rest is `other`)
ATTRIBUTE_TOP_VALUES = 30  # groups of a text protected attribute
MIN_GROUP_SAMPLE = 5  # a text value is a group of its own when the sample holds it at least this often
QUANTILE_BINS = 5  # bins of a numeric column, at the sample's quantiles
MAX_COLUMNS = 256  # columns examined at most (the first ones seen)
PROXY_THRESHOLD = 0.3  # bias-corrected Cramér's V at or above which a column is named a proxy
GAP_SHARE = 0.05  # groups below this share of an attribute's non-missing records are gaps
# Age bands (Eurostat's usual breakdown, with minors apart): lower bounds and names.
AGE_BANDS = ((0, "<18"), (18, "18-24"), (25, "25-34"), (35, "35-44"), (45, "45-54"), (55, "55-64"), (65, "65+"))
OTHER, MISSING = "other", None

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_PSEUDONYM = re.compile(
    r"(?i)[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|(?:tok|pseud|pseudo|anon|hash|sha256|hmac)[_:-][A-Za-z0-9+/=_-]{6,}|(?=[A-Za-z0-9+/_-]*\d)[A-Za-z0-9+/_-]{22,}={0,2}"
)
PSEUDONYMISED_SHARE = 0.9  # a column is pseudonymised when this share of its values are hashes or tokens


def number(text: str) -> float | None:
    """The text as a number (decimal comma read), or None."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


def looks_pseudonymised(text: str) -> bool:
    """A hash, a UUID or a token (`tok_...`, base64 of 22+ characters with a digit) instead of a value."""
    return bool(_PSEUDONYM.fullmatch(text.strip()))


@dataclass(slots=True)
class Binner:
    """How one column's values fall into groups: numeric edges, age bands, or the kept text values."""

    kind: str  # "age" | "numeric" | "text" | "year"
    edges: list[float] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    kept: frozenset[str] = frozenset()
    shown: dict[str, str] = field(default_factory=dict)  # a kept value as first written in the sample (`F`, not `f`)

    def group(self, text: str) -> str | None:
        """The group of one value; None for an empty or unreadable one."""
        if not text or not text.strip():
            return MISSING
        if self.kind == "text":
            value = normalise_value(text)
            return value if value in self.kept else OTHER
        if self.kind == "year":
            year = _YEAR.search(text)
            return f"{int(year.group(0)) // 10 * 10}s" if year else MISSING
        value = number(text)
        if value is None:
            return MISSING
        index = bisect.bisect_right(self.edges, value) - 1
        return self.names[max(index, 0)]

    def labels(self) -> list[str]:
        """Every group this binner can give (the bands of an age, for gaps even when empty)."""
        return list(self.names) if self.kind == "age" else []


def age_binner() -> Binner:
    return Binner("age", [float(low) for low, _ in AGE_BANDS], [name for _, name in AGE_BANDS])


def numeric_binner(values: list[float]) -> Binner:
    """Bins at the sample's quantiles (fewer when values repeat), named by their lower edge."""
    ordered = sorted(values)
    edges = sorted({ordered[int(len(ordered) * q / QUANTILE_BINS)] for q in range(QUANTILE_BINS)})
    names = [f">={edge:g}" for edge in edges]
    return Binner("numeric", edges, names)


def text_binner(counts: Counter, top: int, shown: dict[str, str] | None = None) -> Binner:
    """The `top` most frequent values of the sample that occur at least MIN_GROUP_SAMPLE times (a category, never
    one person's value); the rest is `other`."""
    kept = frozenset(value for value, count in counts.most_common(top) if count >= MIN_GROUP_SAMPLE)
    return Binner("text", kept=kept, shown={value: (shown or {}).get(value, value) for value in kept})


@dataclass(slots=True)
class ColumnSample:
    """What the sample showed of one column."""

    values: Counter = field(default_factory=Counter)  # normalised value -> count (the sample is bounded)
    shown: dict[str, str] = field(default_factory=dict)  # normalised value -> as first written
    numbers: list[float] = field(default_factory=list)
    filled: int = 0
    long_text: int = 0
    pseudonymised: int = 0

    def add(self, text: str) -> None:
        if not text or not text.strip():
            return
        self.filled += 1
        value = normalise_value(text)
        self.values[value[:64]] += 1
        self.shown.setdefault(value[:64], " ".join(text.split())[:64])
        if len(value) > 64 or len(value.split()) > 6:
            self.long_text += 1
        n = number(text)
        if n is not None:
            self.numbers.append(n)
        if looks_pseudonymised(text):
            self.pseudonymised += 1

    @property
    def numeric(self) -> bool:
        return self.filled > 0 and len(self.numbers) >= 0.95 * self.filled

    @property
    def identifier_like(self) -> bool:
        """Nearly every value distinct: an id, a name, a free text (no groups to compare)."""
        return self.filled >= 20 and len(self.values) > 0.9 * self.filled and not self.numeric

    @property
    def free_text(self) -> bool:
        return self.filled > 0 and self.long_text > 0.5 * self.filled


@dataclass(slots=True)
class Attribute:
    column: str
    category: str
    evidence: str  # "header" | "values"
    binner: Binner


@dataclass(slots=True)
class Plan:
    """The roles and groupings decided on the sample; chunks examined under one plan merge."""

    attributes: list[Attribute]
    label: str | None
    positive: str | None
    others: dict[str, Binner]  # proxy candidates
    columns: list[str]
    label_evidence: str | None = None  # "given" | "detected"


def _attribute(column: str, sample: ColumnSample) -> Attribute | None:
    by_header = header_category(column)
    category = by_header or value_category(sample.values.items())
    evidence = "header" if by_header else "values"
    if category is None and sample.numeric and looks_like_ages(sample.numbers):
        category = "age"
    if category is None:
        return None
    if category == "age" and sample.numeric:
        years = sample.numbers and min(sample.numbers) > 1900 and max(sample.numbers) < 2100
        return Attribute(column, category, evidence, Binner("year") if years else age_binner())
    if category == "age" and _mostly_dates(sample):  # dates of birth: grouped by decade of birth
        return Attribute(column, category, evidence, Binner("year"))
    if category == "age" and sample.identifier_like:  # no groups to tell without listing values
        return None
    if sample.numeric and len(set(sample.numbers)) > ATTRIBUTE_TOP_VALUES:
        return Attribute(column, category, evidence, numeric_binner(sample.numbers))
    return Attribute(column, category, evidence, text_binner(sample.values, ATTRIBUTE_TOP_VALUES, sample.shown))


def _mostly_dates(sample: ColumnSample) -> bool:
    dated = sum(count for value, count in sample.values.items() if _YEAR.search(value))
    return dated >= 0.9 * sample.filled


def _binary_values(sample: ColumnSample) -> list[tuple[str, int]] | None:
    values = [(value, count) for value, count in sample.values.items() if value]
    return values if len(values) == 2 else None


def decide_plan(samples: dict[str, ColumnSample], label: str | None = None) -> Plan:
    """The plan for these column samples; `label` given, or detected (binary, named like an outcome; the last such
    column when several are)."""
    columns = list(samples)[:MAX_COLUMNS]
    evidence = "given" if label else None
    if label is None:
        named = [c for c in columns if is_label_name(c) and _binary_values(samples[c]) and not header_category(c)]
        label = named[-1] if named else None
        evidence = "detected" if label else None
    positive = None
    if label is not None:
        if label not in samples:
            raise ValueError(f"the label column {label!r} is not in the data")
        binary = _binary_values(samples[label])
        if binary is None:
            raise ValueError(f"the label column {label!r} does not hold exactly two values in its sample")
        positive = positive_value(binary)
    attributes, others = [], {}
    for column in columns:
        if column == label:
            continue
        sample = samples[column]
        attribute = _attribute(column, sample) if sample.filled else None
        if attribute is not None:
            attributes.append(attribute)
        elif sample.filled and not sample.identifier_like and not sample.free_text:
            numeric = sample.numeric and len(set(sample.numbers)) > TOP_VALUES
            others[column] = numeric_binner(sample.numbers) if numeric else text_binner(sample.values, TOP_VALUES)
    return Plan(attributes, label, positive, others, columns, evidence)


@dataclass(slots=True)
class BiasCounts:
    """The streamed counters under one plan."""

    records: int = 0
    outcomes: dict[str, Counter] = field(default_factory=dict)  # attribute -> Counter[(group, positive)]
    groups: dict[str, Counter] = field(default_factory=dict)  # attribute -> Counter[group] (missing as None)
    joint: dict[tuple[str, str], Counter] = field(default_factory=dict)  # (attribute, column) -> Counter[(g, b)]
    filled: Counter = field(default_factory=Counter)  # attribute -> non-empty values
    pseudonymised: Counter = field(default_factory=Counter)  # attribute -> hashed / tokenised values

    def add(self, plan: Plan, row: dict[str, str]) -> None:
        """Count one record (field -> text)."""
        self.records += 1
        positive = None
        if plan.label is not None:
            value = normalise_value(row.get(plan.label, ""))
            positive = (value == plan.positive) if value else None
        buckets = {column: binner.group(row.get(column, "")) for column, binner in plan.others.items()}
        for attribute in plan.attributes:
            text = row.get(attribute.column, "")
            group = attribute.binner.group(text)
            name = attribute.column
            self.groups.setdefault(name, Counter())[group] += 1
            if text.strip():
                self.filled[name] += 1
                if looks_pseudonymised(text):
                    self.pseudonymised[name] += 1
            if group is MISSING:
                continue
            if positive is not None:
                self.outcomes.setdefault(name, Counter())[(group, positive)] += 1
            for column, bucket in buckets.items():
                if bucket is not MISSING:
                    self.joint.setdefault((name, column), Counter())[(group, bucket)] += 1

    def merge(self, other: BiasCounts) -> None:
        """Add another chunk's counters (examined under the same plan)."""
        self.records += other.records
        for mine, theirs in ((self.outcomes, other.outcomes), (self.groups, other.groups), (self.joint, other.joint)):
            for key, counter in theirs.items():
                mine.setdefault(key, Counter()).update(counter)
        self.filled.update(other.filled)
        self.pseudonymised.update(other.pseudonymised)


def _rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def attribute_report(plan: Plan, counts: BiasCounts, attribute: Attribute) -> tuple[dict, list[dict]]:
    """One attribute's groups, disparate impact and parity difference, and its gaps."""
    name = attribute.column
    groups = counts.groups.get(name, Counter())
    present = {group: count for group, count in groups.items() if group is not MISSING}
    total = sum(present.values())
    rates = positive_rates(counts.outcomes.get(name, Counter()))
    rows = []
    for group in sorted(set(present) | set(attribute.binner.labels()), key=_group_order(attribute)):
        count = present.get(group, 0)
        row = {
            "value": attribute.binner.shown.get(group, group),
            "count": count,
            "share": _rounded(count / total if total else 0.0),
        }
        if plan.label is not None:
            row["positive_rate"] = _rounded(rates[group][1]) if group in rates else None
        rows.append(row)
    observed = [rate for _, rate in rates.values()]
    entry = {
        "column": name,
        "category": attribute.category,
        "evidence": attribute.evidence,
        "special_category": attribute.category in SPECIAL_CATEGORIES,
        "missing": groups.get(MISSING, 0),
        "groups": rows,
        "disparate_impact": _rounded(disparate_impact(observed)) if plan.label else None,
        "statistical_parity_difference": _rounded(parity_difference(observed)) if plan.label else None,
    }
    gaps = [
        {"attribute": name, "category": attribute.category, "group": row["value"], "share": row["share"]}
        for row in rows
        if total and row["share"] < GAP_SHARE
    ]
    return entry, gaps


def _group_order(attribute: Attribute):
    labels = attribute.binner.labels()
    if labels:
        return lambda group: (labels.index(group) if group in labels else len(labels), str(group))
    if attribute.binner.kind == "numeric":
        return lambda group: (attribute.binner.names.index(group) if group in attribute.binner.names else -1, group)
    return lambda group: (group == OTHER, str(group))


def proxies(plan: Plan, counts: BiasCounts) -> list[dict]:
    """Columns whose association with a protected attribute reaches PROXY_THRESHOLD, strongest first."""
    found = []
    for (attribute, column), table in counts.joint.items():
        association = cramers_v(table)
        if association is not None and association >= PROXY_THRESHOLD:
            category = next(a.category for a in plan.attributes if a.column == attribute)
            found.append(
                {
                    "column": column,
                    "attribute": category,
                    "attribute_column": attribute,
                    "association": round(association, 4),
                    "measure": "cramers_v",
                    "cramers_v_plain": _rounded(cramers_v(table, corrected=False)),
                }
            )
    return sorted(found, key=lambda row: -row["association"])


def bias_report(plan: Plan | None, counts: BiasCounts) -> dict:
    """The `bias` section of the examination."""
    if plan is None:
        return {"label": None, "attributes": [], "proxies": [], "gaps": []}
    attributes, gaps = [], []
    for attribute in plan.attributes:
        entry, found = attribute_report(plan, counts, attribute)
        attributes.append(entry)
        gaps.extend(found)
    return {
        "label": plan.label,
        "label_evidence": plan.label_evidence,
        "positive_value": plan.positive,
        "attributes": attributes,
        "proxies": proxies(plan, counts),
        "gaps": gaps,
        "thresholds": {"proxy_cramers_v": PROXY_THRESHOLD, "gap_share": GAP_SHARE},
    }


ART_10_5_SAFEGUARDS = (
    "(a) bias detection and correction cannot be fulfilled with other data, including synthetic or anonymised data",
    "(b) technical limits on re-use, state-of-the-art security and privacy-preserving measures incl. pseudonymisation",
    "(c) access controls and documentation; only authorised persons with confidentiality obligations have access",
    "(d) not transmitted, transferred or otherwise accessed by other parties",
    "(e) deleted once the bias is corrected or the retention period ends, whichever comes first",
    "(f) the records of processing state why processing special categories was strictly necessary",
)


def safeguards(plan: Plan | None, counts: BiasCounts) -> list[dict]:
    """Special-category columns held in clear or pseudonymised (Art. 10(5) AI Act), each with the safeguard list."""
    if plan is None:
        return []
    found = []
    for attribute in plan.attributes:
        if attribute.category not in SPECIAL_CATEGORIES:
            continue
        filled = counts.filled.get(attribute.column, 0)
        hashed = counts.pseudonymised.get(attribute.column, 0)
        pseudonymised = bool(filled) and hashed >= PSEUDONYMISED_SHARE * filled
        found.append(
            {
                "column": attribute.column,
                "category": attribute.category,
                "in_clear": bool(filled) and not pseudonymised,
                "pseudonymised": pseudonymised,
                "values": filled,
                "rule": "AI-ACT-ART10-5-SAFEGUARDS",
                "safeguards": list(ART_10_5_SAFEGUARDS),
            }
        )
    return found
