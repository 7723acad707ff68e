import json
from datetime import UTC, datetime

import pytest
from privscan.ingest.backfill import listed_objects
from privscan.ingest.events import ObjectEvent, ObjectRef, created_notification, iso_time, parse_notification

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
                modified_at="2026-11-26T10:00:00.000Z",
            ),
        ),
        ObjectEvent(
            "removed",
            ObjectRef(
                "privscan-uploads",
                "datasets/old.csv",
                "deleteMarkerVersion1",
                None,
                None,
                "0A1B2C3D4E5F678902",
                "2026-11-26T10:00:01.000Z",
            ),
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
    listed = ObjectRef("uploads", "a.txt", "v4", "etag-3", 9, modified_at="2026-11-26T10:00:00+00:00")
    assert parse_notification(created_notification(listed)) == [ObjectEvent("created", listed)]


def test_sequencers_of_different_lengths_order_as_hex_numbers():
    def sequence(sequencer: str) -> str:
        return ObjectRef("b", "k", "v", sequencer=sequencer).sequence

    assert sequence("FF") < sequence("0100") < sequence("00000101")  # as text, "FF" would come last
    assert sequence("0A1B2C3D4E5F678901") < sequence("0A1B2C3D4E5F678902") < sequence("1A1B2C3D4E5F678900")
    assert sequence("0A1B2C3D4E5F6789") < sequence("0A1B2C3D4E5F678901")  # shorter, smaller
    assert sequence("00FF") == sequence("FF") == "1" + "0" * 30 + "ff"
    assert len({len(sequence(s)) for s in ("1", "0A1B2C3D4E5F678901", "F" * 32)}) == 1
    with pytest.raises(ValueError):
        sequence("1" + "0" * 32)


def test_versions_without_a_sequencer_order_by_time_then_version_and_before_any_sequencer():
    def sequence(modified_at: str | None, version: str = "v1") -> str:
        return ObjectRef("b", "k", version, modified_at=modified_at).sequence

    assert sequence(None) < sequence("2026-11-26T10:00:00Z") < sequence("2026-11-26T10:00:00.000001Z")
    assert sequence("2026-11-26T11:00:00+01:00") == sequence("2026-11-26T10:00:00Z")  # compared in UTC
    assert sequence("2026-11-26T10:00:00Z", "v1") < sequence("2026-11-26T10:00:00Z", "v2")
    assert sequence("not a time") == sequence(None)
    assert sequence("2999-01-01T00:00:00Z") < ObjectRef("b", "k", "v0", sequencer="01").sequence


def test_backfill_items_carry_their_last_modified_and_order_before_s3_events():
    listing = {"Key": "a.csv", "ETag": "e1", "Size": 3, "LastModified": "2026-11-26T10:00:00.000Z"}
    inventory = {
        "Bucket": "b",
        "Key": "b.csv",
        "VersionId": "v2",
        "IsLatest": "true",
        "IsDeleteMarker": "false",
        "Size": "4",
        "ETag": "e2",
        "LastModifiedDate": "2026-11-26T11:00:00.000Z",
    }
    refs = list(listed_objects("b", [listing, inventory]))
    assert [ref.modified_at for ref in refs] == ["2026-11-26T10:00:00.000Z", "2026-11-26T11:00:00.000Z"]
    assert refs[0].sequence == "020261126T100000000000#e1"
    assert refs[1].sequence < ObjectRef("b", "b.csv", "v1", sequencer="01").sequence
    assert iso_time(datetime(2026, 11, 26, 10, tzinfo=UTC)) == "2026-11-26T10:00:00+00:00"
    assert iso_time(None) is None
