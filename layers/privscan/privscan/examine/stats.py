"""The measures of the examination, on counts only: Cramér's V, disparate impact, statistical parity difference.

Everything here takes counters (what the streaming accumulators hold), so a chunk's counts merged with
another's give the same figures as one pass over the whole.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable


def cramers_v(table: Counter, corrected: bool = True) -> float | None:
    """Cramér's V of a contingency table given as Counter[(row, column)] -> count; None when it has fewer than two
    rows or columns with counts.

    `corrected` (the default) is Bergsma's bias correction (J. Korean Stat. Soc. 42, 2013): phi² less its
    expectation under independence, and the table's dimensions shrunk likewise, so that a column with many values
    and few records does not look associated by chance. The plain V is sqrt(chi² / (n · (min(r, k) − 1))).
    """
    rows: Counter = Counter()
    cols: Counter = Counter()
    for (row, col), count in table.items():
        if count:
            rows[row] += count
            cols[col] += count
    n = sum(rows.values())
    r, k = len(rows), len(cols)
    if r < 2 or k < 2 or n < 2:
        return None
    chi2 = 0.0
    for row, row_total in rows.items():
        for col, col_total in cols.items():
            expected = row_total * col_total / n
            chi2 += (table.get((row, col), 0) - expected) ** 2 / expected
    phi2 = chi2 / n
    if not corrected:
        return math.sqrt(phi2 / (min(r, k) - 1))
    phi2c = max(0.0, phi2 - (k - 1) * (r - 1) / (n - 1))
    rc = r - (r - 1) ** 2 / (n - 1)
    kc = k - (k - 1) ** 2 / (n - 1)
    denominator = min(kc - 1, rc - 1)
    return math.sqrt(phi2c / denominator) if denominator > 0 else None


def positive_rates(outcomes: Counter) -> dict[Hashable, tuple[int, float]]:
    """Counter[(group, positive: bool)] -> {group: (count, positive rate)}."""
    totals: Counter = Counter()
    positives: Counter = Counter()
    for (group, positive), count in outcomes.items():
        totals[group] += count
        if positive:
            positives[group] += count
    return {group: (total, positives[group] / total) for group, total in totals.items() if total}


def disparate_impact(rates: list[float]) -> float | None:
    """Lowest positive rate over highest (1.0 = parity; the US four-fifths rule flags below 0.8); None when the
    highest rate is 0 or fewer than two groups."""
    if len(rates) < 2 or max(rates) == 0:
        return None
    return min(rates) / max(rates)


def parity_difference(rates: list[float]) -> float | None:
    """Statistical parity difference: the lowest group's positive rate less the highest group's (0 = parity)."""
    if len(rates) < 2:
        return None
    return min(rates) - max(rates)
