"""Deploy template.yaml onto a moto server and run the scan function against it, in-process.

moto's CloudFormation creates the template's buckets, queues and tables. What it
does not implement is completed here from the same template, so the template
stays the single source of truth: bucket notifications (moto ignores them in
CloudFormation), secrets, the review console's Cognito user pool, groups and app
client, and the function's environment variables.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import boto3
from privscan.wiring import play_executions_locally

from privscan_tools.local.moto_lock import serialize_moto
from privscan_tools.local.template import default_template_path, evaluate, load_template, references, resolve

STACK_NAME = "privscan-local"
REGION = "eu-central-1"
ACCOUNT_ID = "123456789012"
FUNCTION = "ScanObjectFunction"
DEPLOYED_BY_MOTO = {"AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::DynamoDB::Table"}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing"}
# The local API names a caller arn:aws:iam::<account>:user/<access key id> (local/api_server.py). Its reviewers are
# the default credentials' key (what `privscan findings review` signs with) and `privacy-officer`; any other
# access key id (AWS_ACCESS_KEY_ID=ci) is a caller that may scan and read but not review.
LOCAL_REVIEWERS = tuple(f"arn:aws:iam::{ACCOUNT_ID}:user/{key}" for key in ("testing", "privacy-officer"))
LOCAL_PARAMETERS = {"ReviewerPrincipalArns": ",".join(LOCAL_REVIEWERS)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_moto(port: int | None = None):
    """Start moto's server on 127.0.0.1 in a thread; returns (server, endpoint URL)."""
    from moto.server import ThreadedMotoServer

    serialize_moto()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # its access log would print object keys
    port = port or free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    return server, f"http://127.0.0.1:{port}"


def use_endpoint(endpoint: str) -> None:
    """Point every boto3 client of this process at the local endpoint, with fake credentials."""
    os.environ.update(FAKE_CREDENTIALS)
    os.environ["AWS_DEFAULT_REGION"] = REGION
    os.environ["AWS_REGION"] = REGION
    os.environ["AWS_ENDPOINT_URL"] = endpoint


def _local_executions():
    """The state machine's player for this process (imported late: it loads the stack's handlers)."""
    from privscan_tools.local.executions import LocalExecutions

    return LocalExecutions()


@dataclass(frozen=True)
class HttpRoute:
    """One HttpApi event of a function in the template: what API Gateway routes, and who may call it."""

    function: str  # the function's logical id
    code: str  # its folder under functions/ (the CodeUri)
    method: str  # GET, POST, ..., or ANY
    path: str  # /console/static/{name}, /console/api/{proxy+}
    authorizer: str | None  # None: the API's default (AWS_IAM); "NONE": public; else a JWT authorizer's name

    def match(self, method: str, path: str) -> dict[str, str] | None:
        """The path parameters if this route takes the request, else None."""
        if self.method not in ("ANY", method):
            return None
        pattern = re.sub(
            r"\\\{(\w+)(\\\+)?\\\}",
            lambda m: f"(?P<{m[1]}>.+)" if m[2] else f"(?P<{m[1]}>[^/]+)",
            re.escape(self.path),
        )
        found = re.fullmatch(pattern, path)
        return found.groupdict() if found else None


@dataclass
class LocalStack:
    endpoint: str
    outputs: dict[str, str]
    function_env: dict[str, str]  # of ScanObjectFunction
    function_envs: dict[str, dict[str, str]] = field(default_factory=dict)  # of every function, by logical id
    http_routes: list[HttpRoute] = field(default_factory=list)
    # the HTTP API's JWT authorizers by name: {"issuer": ..., "audience": [...]}, resolved
    jwt_authorizers: dict[str, dict] = field(default_factory=dict)

    @property
    def bucket(self) -> str:
        return self.outputs["UploadBucketName"]

    @property
    def findings_table(self) -> str:
        return self.outputs["FindingsTableName"]

    @property
    def audit_table(self) -> str:
        return self.outputs["AuditTableName"]

    @property
    def queue_url(self) -> str:
        return self.outputs["ScanQueueUrl"]

    @property
    def user_pool_id(self) -> str:
        return self.outputs["UserPoolId"]

    @property
    def console_client_id(self) -> str:
        return self.outputs["ConsoleClientId"]

    def banner(self) -> dict[str, str]:
        return {"endpoint": self.endpoint, "bucket": self.bucket, "findings_table": self.findings_table}


class _Deployment:
    def __init__(self, endpoint: str, template: dict, stack_name: str, parameters: dict[str, str] | None = None):
        self.endpoint = endpoint
        self.template = template
        self.stack_name = stack_name
        self.client = lambda service: boto3.client(service, endpoint_url=endpoint, region_name=REGION)
        given = {**LOCAL_PARAMETERS, **(parameters or {})}
        self.parameters = {
            name: given.get(name, str(spec.get("Default", "")))
            for name, spec in (template.get("Parameters") or {}).items()
        }
        self.physical: dict[str, str] = {}

    # -- intrinsic lookups ------------------------------------------------------------------
    def ref(self, name: str) -> str:
        pseudo = {
            "AWS::StackName": self.stack_name,
            "AWS::AccountId": ACCOUNT_ID,
            "AWS::Region": REGION,
            "AWS::Partition": "aws",
            "AWS::URLSuffix": "amazonaws.com",
        }
        if name in pseudo:
            return pseudo[name]
        if name in self.parameters:
            return self.parameters[name]
        if self.template["Resources"].get(name, {}).get("Type") == "AWS::Serverless::StateMachine":
            play_executions_locally(_local_executions)
            return f"local:{name}"  # played in this process (local/executions.py)
        return self.physical[name]

    def get_att(self, logical: str, attribute: str) -> str:
        kind = self.template["Resources"][logical]["Type"]
        physical = self.physical[logical]
        if kind == "AWS::SQS::Queue":
            attrs = self.client("sqs").get_queue_attributes(QueueUrl=physical, AttributeNames=["QueueArn"])
            return {"Arn": attrs["Attributes"]["QueueArn"], "QueueName": physical.rsplit("/", 1)[-1]}[attribute]
        if kind == "AWS::S3::Bucket":
            return {"Arn": f"arn:aws:s3:::{physical}", "DomainName": f"{physical}.s3.amazonaws.com"}[attribute]
        if kind == "AWS::DynamoDB::Table":
            return self.client("dynamodb").describe_table(TableName=physical)["Table"]["TableArn"]
        if kind == "AWS::SecretsManager::Secret":
            return physical
        if kind == "AWS::Cognito::UserPool":
            return {
                "Arn": f"arn:aws:cognito-idp:{REGION}:{ACCOUNT_ID}:userpool/{physical}",
                "ProviderName": f"cognito-idp.{REGION}.amazonaws.com/{physical}",
                "ProviderURL": f"https://cognito-idp.{REGION}.amazonaws.com/{physical}",
                "UserPoolId": physical,
            }[attribute]
        raise KeyError(f"cannot resolve {logical}.{attribute} locally")

    def condition(self, name: str) -> bool:
        conditions = self.template.get("Conditions") or {}
        return evaluate(conditions[name], self.ref, conditions)

    def resolve(self, value: Any) -> Any:
        return resolve(value, self.ref, self.get_att, self.condition)

    # -- steps ------------------------------------------------------------------------------
    def deploy(self) -> LocalStack:
        resources = self.template["Resources"]
        kept = {
            lid: self._without_unsupported(spec, resources)
            for lid, spec in resources.items()
            if spec["Type"] in DEPLOYED_BY_MOTO
        }
        kept = {lid: spec for lid, spec in kept.items() if "Condition" not in spec or self.condition(spec["Condition"])}
        for spec in kept.values():
            spec.pop("Condition", None)  # decided here, with the parameters given
        body = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": kept}
        for section in ("Parameters", "Conditions", "Mappings"):
            if section in self.template:
                body[section] = self.template[section]
        cloudformation = self.client("cloudformation")
        cloudformation.create_stack(StackName=self.stack_name, TemplateBody=json.dumps(body))
        for resource in cloudformation.describe_stack_resources(StackName=self.stack_name)["StackResources"]:
            self.physical[resource["LogicalResourceId"]] = resource["PhysicalResourceId"]
        self._create_secrets()
        self._create_user_pools()
        self._apply_bucket_settings()
        return LocalStack(
            endpoint=self.endpoint,
            outputs=self._outputs(),
            function_env=self._function_env(),
            function_envs={
                logical: self._function_env(logical)
                for logical, spec in self.template["Resources"].items()
                if spec["Type"] == "AWS::Serverless::Function"
            },
            http_routes=self._http_routes(),
            jwt_authorizers=self._jwt_authorizers(),
        )

    def _http_routes(self) -> list[HttpRoute]:
        routes = []
        for logical, spec in self.template["Resources"].items():
            if spec["Type"] != "AWS::Serverless::Function":
                continue
            code = Path(spec["Properties"]["CodeUri"]).name
            for event in (spec["Properties"].get("Events") or {}).values():
                if event["Type"] == "HttpApi":
                    given = event["Properties"]
                    authorizer = (given.get("Auth") or {}).get("Authorizer")
                    routes.append(HttpRoute(logical, code, given["Method"].upper(), given["Path"], authorizer))
        return routes

    def _jwt_authorizers(self) -> dict[str, dict]:
        found = {}
        for spec in self.template["Resources"].values():
            if spec["Type"] == "AWS::Serverless::HttpApi":
                for name, authorizer in (spec["Properties"].get("Auth", {}).get("Authorizers") or {}).items():
                    if "JwtConfiguration" in authorizer:
                        found[name] = self.resolve(authorizer["JwtConfiguration"])
        return found

    @staticmethod
    def _without_unsupported(spec: dict, resources: dict) -> dict:
        spec = json.loads(json.dumps(spec))
        properties = spec.get("Properties", {})
        properties.pop("NotificationConfiguration", None)  # applied after the stack exists
        depends = spec.pop("DependsOn", None)
        depends = [depends] if isinstance(depends, str) else depends or []
        depends = [d for d in depends if resources[d]["Type"] in DEPLOYED_BY_MOTO]
        if depends:
            spec["DependsOn"] = depends
        return spec

    def _create_secrets(self) -> None:
        for logical, spec in self.template["Resources"].items():
            if spec["Type"] == "AWS::SecretsManager::Secret":
                created = self.client("secretsmanager").create_secret(
                    Name=f"{self.stack_name}/{logical}", SecretString=secrets.token_hex(32)
                )
                self.physical[logical] = created["ARN"]

    def _of_type(self, kind: str) -> dict[str, dict]:
        """The template's resources of one type (whose condition holds), their properties resolved."""
        return {
            logical: self.resolve(spec.get("Properties", {}))
            for logical, spec in self.template["Resources"].items()
            if spec["Type"] == kind and ("Condition" not in spec or self.condition(spec["Condition"]))
        }

    def _create_user_pools(self) -> None:
        """The console's user pools, their groups and app clients (moto's CloudFormation creates none of them)."""
        cognito = self.client("cognito-idp")
        for logical, properties in self._of_type("AWS::Cognito::UserPool").items():
            properties["PoolName"] = properties.pop("UserPoolName", f"{self.stack_name}-{logical}")
            self.physical[logical] = cognito.create_user_pool(**properties)["UserPool"]["Id"]
        for logical, properties in self._of_type("AWS::Cognito::UserPoolGroup").items():
            cognito.create_group(**properties)
            self.physical[logical] = properties["GroupName"]
        for logical, properties in self._of_type("AWS::Cognito::UserPoolClient").items():
            created = cognito.create_user_pool_client(**properties)["UserPoolClient"]
            self.physical[logical] = created["ClientId"]

    def _apply_bucket_settings(self) -> None:
        """Versioning and notifications: moto's CloudFormation ignores both on AWS::S3::Bucket."""
        s3 = self.client("s3")
        for logical, spec in self.template["Resources"].items():
            if (
                spec["Type"] != "AWS::S3::Bucket" or logical not in self.physical
            ):  # not deployed: its condition is false
                continue
            properties = spec.get("Properties", {})
            if "VersioningConfiguration" in properties:
                s3.put_bucket_versioning(
                    Bucket=self.physical[logical],
                    VersioningConfiguration=self.resolve(properties["VersioningConfiguration"]),
                )
            config = properties.get("NotificationConfiguration")
            if not config:
                continue
            queues = [
                {
                    "QueueArn": self.resolve(q["Queue"]),
                    "Events": [q["Event"]],
                    **({"Filter": q["Filter"]} if "Filter" in q else {}),
                }
                for q in config.get("QueueConfigurations", [])
            ]
            s3.put_bucket_notification_configuration(
                Bucket=self.physical[logical], NotificationConfiguration={"QueueConfigurations": queues}
            )

    def _outputs(self) -> dict[str, str]:
        outputs = {}
        for name, spec in (self.template.get("Outputs") or {}).items():
            if references(spec["Value"]) <= set(self.physical) | set(self.parameters) | {
                "AWS::StackName",
                "AWS::Region",
                "AWS::AccountId",
            }:
                outputs[name] = str(self.resolve(spec["Value"]))
        return outputs

    def _function_env(self, function: str = FUNCTION) -> dict[str, str]:
        global_env = self.template.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {})
        own_env = self.template["Resources"][function]["Properties"].get("Environment", {}).get("Variables", {})
        return {name: str(self.resolve(value)) for name, value in {**global_env, **own_env}.items()}


def console_password() -> str:
    """A fresh password the console pool's policy accepts: 128 random bits, and every character class."""
    return f"{secrets.token_urlsafe(16)}-Pq7!"


def add_console_user(stack: LocalStack, username: str, group: str, email: str | None = None) -> str:
    """An account of the console's user pool, in `group`, signed in with the password returned (permanent)."""
    cognito = boto3.client("cognito-idp", endpoint_url=stack.endpoint, region_name=REGION)
    attributes = [{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}] if email else []
    cognito.admin_create_user(
        UserPoolId=stack.user_pool_id, Username=username, UserAttributes=attributes, MessageAction="SUPPRESS"
    )
    password = console_password()
    cognito.admin_set_user_password(UserPoolId=stack.user_pool_id, Username=username, Password=password, Permanent=True)
    cognito.admin_add_user_to_group(UserPoolId=stack.user_pool_id, Username=username, GroupName=group)
    return password


def deploy_stack(
    endpoint: str,
    template_path: str | Path | None = None,
    stack_name: str = STACK_NAME,
    parameters: dict[str, str] | None = None,
) -> LocalStack:
    """Deploy the template on moto with its parameters' defaults (or `parameters`)."""
    template = load_template(template_path or default_template_path())
    return _Deployment(endpoint, template, stack_name, parameters).deploy()


def aws_options(endpoint: str | None) -> dict[str, str]:
    """boto3 client options for a command's `--endpoint`.

    A loopback endpoint is a `privscan serve` stack: it gets the stack's region and moto's fake
    credentials, so the command works on a machine with no AWS configuration. Without an endpoint,
    boto3's usual chain (environment, profile, role) applies.
    """
    if not endpoint:
        return {}
    options = {"endpoint_url": endpoint, "region_name": REGION}
    host = urlsplit(endpoint).hostname or ""
    if host in LOOPBACK_HOSTS or host.startswith("127."):
        options.update(aws_access_key_id="testing", aws_secret_access_key="testing", aws_session_token="testing")
    return options


def describe_stack(endpoint: str, stack_name: str = STACK_NAME) -> dict[str, str]:
    """Physical names of a running local stack, for CLI commands pointed at `--endpoint`."""
    cloudformation = boto3.client("cloudformation", **aws_options(endpoint))
    resources = cloudformation.describe_stack_resources(StackName=stack_name)["StackResources"]
    return {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in resources}
