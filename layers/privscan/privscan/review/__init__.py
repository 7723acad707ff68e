"""Review: the privacy officer's workflow (statuses, notes, audit, suppressions) and the pass/fail policy."""
