"""`privscan findings list|show|review --api URL`: the review workflow from a terminal, through the API.

Reviews go through the API (never straight to DynamoDB) so that the reviewer is the IAM identity
that signed the request and every change lands in the audit trail.
"""

from __future__ import annotations

import json
import sys

from privscan_tools.cli.api_client import ApiClient, ApiUnavailable
from privscan_tools.cli.output import print_finding_detail, print_findings

EXIT_OK, EXIT_REFUSED, EXIT_ERROR = 0, 1, 2


def _list(client: ApiClient, args) -> int:
    params = {
        "prefix": args.prefix or None,
        "object": args.object_key,
        "severity": args.severity,
        "status": args.status,
        "rule": args.rule,
        "entity_type": args.entity_type,
        "limit": 200,
    }
    rows: list[dict] = []
    while True:
        status, body = client.call("GET", "/findings", params=params)
        if status != 200:
            return _refused(status, body)
        rows += body["findings"]
        if not body.get("next_token"):
            break
        params["next_token"] = body["next_token"]
    print_findings(rows, args.format, sys.stdout)  # the current stdout (not the one bound at import)
    return EXIT_OK


def _show(client: ApiClient, args) -> int:
    status, body = client.call("GET", f"/findings/{args.finding_id}")
    if status != 200:
        return _refused(status, body)
    if getattr(args, "format", "text") == "json":
        print(json.dumps(body, indent=2, ensure_ascii=False))
    else:
        print_finding_detail(body, sys.stdout)
    return EXIT_OK


def _review(client: ApiClient, args) -> int:
    change: dict = {"status": args.status, "note": args.note}
    if args.suppress:
        change["suppress"] = {"by": args.suppress, "pattern": args.pattern, "prefix": args.prefix}
    status, body = client.call("PATCH", f"/findings/{args.finding_id}", change)
    if status != 200:
        return _refused(status, body)
    print(json.dumps(body, indent=2, ensure_ascii=False))
    return EXIT_OK


def _reveal(client: ApiClient, args) -> int:
    """The text around a finding, read from its object now; shown once, on this terminal, never stored."""
    status, body = client.call("POST", f"/findings/{args.finding_id}/reveal", {"key": args.key} if args.key else {})
    if status != 200:
        return _refused(status, body)
    if args.format == "json":
        print(json.dumps(body, indent=2, ensure_ascii=False))
        return EXIT_OK
    for shown in body["excerpts"]:
        start, end = shown["highlight"]
        text = shown["text"]
        before, after = ("…" if shown["cut_before"] else ""), ("…" if shown["cut_after"] else "")
        where = " · ".join(str(part) for part in (shown["record"], shown["field"]) if part is not None)
        print(f"{where}: {before}{text[:start]}[{text[start:end]}]{text[end:]}{after}")
    print(f"(this reveal is recorded in the audit trail at {body['audit_entry']['at']})", file=sys.stderr)
    return EXIT_OK


def _refused(status: int, body: dict) -> int:
    code = f" ({body['outcome']})" if body.get("outcome") else ""  # a refusal's content-free code
    print(f"privscan findings: HTTP {status}{code}: {body.get('message', 'no message')}", file=sys.stderr)
    return EXIT_REFUSED if 400 <= status < 500 else EXIT_ERROR


def run(args) -> int:
    try:
        client = ApiClient(args.api)
        return {"list": _list, "show": _show, "review": _review, "reveal": _reveal}[args.findings_command](client, args)
    except ApiUnavailable as error:
        print(f"privscan findings: {error}", file=sys.stderr)
        return EXIT_ERROR
