import pytest
from privscan.engine.secrets import SecretsRecognizer

RECOGNIZER = SecretsRecognizer()
GITHUB = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0LXVzZXIifQ.c2lnbmF0dXJlLXBhcnQtZXhhbXBsZQ"


def spans(text):
    return sorted((r.entity_type, r.start, r.end, r.score) for r in RECOGNIZER.analyze(text, None))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("key AKIAZ3MPLEQ7W2XR4TUV here", [("AWS_ACCESS_KEY", 4, 24, 0.9)]),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIE", [("PRIVATE_KEY", 0, 31, 1.0)]),
        (f"Authorization: Bearer {JWT}", [("JWT", 22, 22 + len(JWT), 0.9)]),
        (f"token={GITHUB}", [("API_TOKEN", 6, 6 + len(GITHUB), 0.9)]),
        ("my password is Sunflower#82", [("PASSWORD", 15, 27, 0.75)]),
        ("Mein Passwort: 'k4tze-Blau'", [("PASSWORD", 16, 26, 0.75)]),
        ("mot de passe = Xq7!pLm2", [("PASSWORD", 15, 23, 0.75)]),
    ],
)
def test_secrets_are_found_with_exact_spans(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "AKIAXXXXXXXXXXXXXXXX is the placeholder in the docs",  # too little entropy
        "sk-XXXXXXXXXXXXXXXXXXXXXXXX",
        "I forgot my password again",  # no value
        "password: ******",  # masked
        "reset the password field",
        "AKIA123",  # too short
        "eyJhbGciOiJIUzI1NiJ9 alone is only a header",
    ],
)
def test_near_misses_are_not_secrets(text):
    assert spans(text) == []
