"""`privscan ci --endpoint` and `findings --api` sign for the API's own region: an API Gateway URL names
it in its host, whatever the job's default region is."""

import pytest
from privscan_tools.cli.api_client import ApiClient, region_of


@pytest.mark.parametrize(
    ("url", "region"),
    [
        ("https://a1b2c3d4e5.execute-api.eu-west-3.amazonaws.com", "eu-west-3"),
        ("https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/prod/", "eu-central-1"),
        ("https://privacy.example.com", "us-east-1"),  # a custom domain: the environment's region
        ("http://127.0.0.1:4599", "us-east-1"),
    ],
)
def test_the_signing_region_comes_from_the_api_host_before_the_environment(monkeypatch, url, region):
    monkeypatch.delenv("AWS_REGION", raising=False)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    assert region_of(url) == region


def test_the_client_signs_for_the_hosts_region_and_an_explicit_region_wins(monkeypatch):
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    creds = type("Creds", (), {"access_key": "AKIDEXAMPLE", "secret_key": "s", "token": None})()
    url = "https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com"
    assert ApiClient(url, credentials=creds).region == "eu-north-1"
    assert ApiClient(url, credentials=creds, region="eu-west-1").region == "eu-west-1"
