import json

from privscan.events import ObjectEvent, ObjectRef, created_notification, parse_notification

from tests.conftest import load_event


def test_keys_are_url_decoded_and_every_record_is_parsed():
    events = parse_notification(json.dumps(load_event("s3_object_created.json")))
    assert events == [
        ObjectEvent(
            "created",
            ObjectRef(
                bucket="privscan-uploads",
                key="datasets/q3 export/Kundenübersicht (2).csv",
                version_id="3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
                etag="0123456789abcdef0123456789abcdef",
                size=1024,
                sequencer="0A1B2C3D4E5F678901",
            ),
        ),
        ObjectEvent(
            "removed",
            ObjectRef("privscan-uploads", "datasets/old.csv", "deleteMarkerVersion1", None, None, "0A1B2C3D4E5F678902"),
            delete_marker=True,
        ),
    ]


def test_s3_test_event_and_foreign_payloads_yield_nothing():
    assert parse_notification(json.dumps({"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": "b"})) == []
    assert parse_notification(json.dumps({"hello": "world"})) == []


def test_version_token_prefers_version_id_then_etag():
    assert ObjectRef("b", "k", "v1", "e1").version_token == "v1"
    assert ObjectRef("b", "k", None, "e1").version_token == "e1"
    assert ObjectRef("b", "k").version_token == "null"


def test_a_submitted_object_reads_back_as_the_same_created_event():
    ref = ObjectRef("uploads", "datasets/crm/Kunden Übersicht+2026.csv", "v3", "etag-1", 1234)
    assert parse_notification(created_notification(ref)) == [ObjectEvent("created", ref)]
    unversioned = ObjectRef("uploads", "a b.txt", None, "etag-2", 7)
    body = json.loads(created_notification(unversioned))
    assert body["Records"][0]["s3"]["object"] == {"key": "a+b.txt", "size": 7, "eTag": "etag-2"}
    assert parse_notification(json.dumps(body)) == [ObjectEvent("created", unversioned)]
