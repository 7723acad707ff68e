"""template.yaml must pass cfn-lint (errors, warnings and informational checks) with no findings."""

from __future__ import annotations

from pathlib import Path

import pytest

cfnlint_api = pytest.importorskip("cfnlint.api")

TEMPLATE = Path(__file__).resolve().parents[2] / "template.yaml"


@pytest.mark.parametrize(
    "include_checks",
    [pytest.param([], id="default-E-W"), pytest.param(["I"], id="with-informational")],
)
def test_template_passes_cfn_lint(include_checks):
    config = cfnlint_api.ManualArgs(regions=["eu-central-1", "us-east-1"], include_checks=include_checks)
    matches = cfnlint_api.lint_file(TEMPLATE, config=config)
    assert matches == [], "\n".join(f"{m.rule.id} {m.message} ({m.filename}:{m.linenumber})" for m in matches)
