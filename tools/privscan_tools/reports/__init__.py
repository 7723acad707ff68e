"""Dataset reports: an HTML page and a governance record (JSON, markdown), rendered from a store snapshot."""

from privscan_tools.reports.governance import SCHEMA, governance_record
from privscan_tools.reports.html import render_html
from privscan_tools.reports.markdown import governance_markdown
from privscan_tools.reports.snapshot import DatasetSnapshot, gather

__all__ = ["SCHEMA", "DatasetSnapshot", "gather", "governance_markdown", "governance_record", "render_html"]
