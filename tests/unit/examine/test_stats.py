"""Cramér's V, disparate impact and parity difference against hand-computed values and an independent numpy
computation."""

from __future__ import annotations

import math
import random
from collections import Counter

import numpy as np
import pytest
from privscan.examine.stats import cramers_v, disparate_impact, parity_difference, positive_rates


def table(rows: list[list[int]]) -> Counter:
    return Counter({(r, c): count for r, row in enumerate(rows) for c, count in enumerate(row)})


def numpy_v(rows: list[list[int]], corrected: bool) -> float:
    """Cramér's V written independently, with numpy (outer product of the marginals)."""
    observed = np.array(rows, dtype=float)
    n = observed.sum()
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / n
    phi2 = ((observed - expected) ** 2 / expected).sum() / n
    r, k = observed.shape
    if not corrected:
        return math.sqrt(phi2 / (min(r, k) - 1))
    phi2c = max(0.0, phi2 - (k - 1) * (r - 1) / (n - 1))
    rc, kc = r - (r - 1) ** 2 / (n - 1), k - (k - 1) ** 2 / (n - 1)
    return math.sqrt(phi2c / min(kc - 1, rc - 1))


def test_cramers_v_by_hand():
    # [[40, 10], [10, 40]]: n = 100, every expected count 25, chi² = 4 · 15² / 25 = 36, phi² = 0.36, V = 0.6
    assert cramers_v(table([[40, 10], [10, 40]]), corrected=False) == pytest.approx(0.6)
    # corrected: phi²c = 0.36 - 1/99, r~ = k~ = 2 - 1/99: V = sqrt(0.349899 / 0.989899) = 0.594533
    assert cramers_v(table([[40, 10], [10, 40]])) == pytest.approx(0.594533, abs=1e-6)
    # [[10, 20], [30, 40]]: chi² = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651; V = sqrt(0.00793651) = 0.089087
    assert cramers_v(table([[10, 20], [30, 40]]), corrected=False) == pytest.approx(0.089087, abs=1e-6)
    # ... below its chance level once corrected
    assert cramers_v(table([[10, 20], [30, 40]])) == 0.0


def test_cramers_v_perfect_and_degenerate():
    assert cramers_v(table([[50, 0, 0], [0, 30, 0], [0, 0, 20]]), corrected=False) == pytest.approx(1.0)
    assert cramers_v(table([[5, 5]])) is None  # one row
    assert cramers_v(Counter()) is None


def test_cramers_v_matches_numpy_on_random_tables():
    rng = random.Random(1)
    for _ in range(20):
        rows = [[rng.randint(1, 60) for _ in range(rng.randint(2, 6))] for _ in range(rng.randint(2, 5))]
        width = len(rows[0])
        rows = [row[:width] + [1] * (width - len(row)) for row in rows]
        for corrected in (False, True):
            assert cramers_v(table(rows), corrected) == pytest.approx(numpy_v(rows, corrected), abs=1e-9)


def test_disparate_impact_and_parity_by_hand():
    outcomes = Counter({("F", True): 120, ("F", False): 280, ("M", True): 250, ("M", False): 250})
    rates = positive_rates(outcomes)
    assert rates == {"F": (400, 0.3), "M": (500, 0.5)}
    observed = [rate for _, rate in rates.values()]
    assert disparate_impact(observed) == pytest.approx(0.6)
    assert parity_difference(observed) == pytest.approx(-0.2)
    assert disparate_impact([0.0, 0.0]) is None
    assert parity_difference([0.4]) is None
