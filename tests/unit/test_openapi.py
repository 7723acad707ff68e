"""The committed openapi.json is the one the routes generate: regenerate it with

uv run python -c "from privscan.api.app import openapi_document as d; open('openapi.json','w').write(d())"
"""

import json

from privscan.api.app import openapi_document

from tests.conftest import REPO_ROOT


def test_the_committed_openapi_document_is_generated_from_the_routes():
    assert (REPO_ROOT / "openapi.json").read_text() == openapi_document()


def test_every_route_is_signed_and_declared():
    document = json.loads(openapi_document())
    assert document["security"] == [{"sigv4": []}]
    assert document["components"]["securitySchemes"]["sigv4"] == {
        "type": "apiKey",
        "description": "AWS Signature Version 4 (service execute-api)",
        "in": "header",
        "name": "Authorization",
    }
    routes = {(path, method) for path, item in document["paths"].items() for method in item}
    assert routes == {
        ("/scans", "post"),
        ("/examinations", "post"),
        ("/scans/{scan_id}", "get"),
        ("/redactions", "post"),
        ("/findings", "get"),
        ("/findings/{finding_id}", "get"),
        ("/findings/{finding_id}", "patch"),
        ("/findings/{finding_id}/reveal", "post"),
    }
    assert set(document["paths"]["/scans"]["post"]["responses"]) == {"200", "202", "400", "403", "404", "413", "422"}
