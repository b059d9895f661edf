"""Two mock OpenID providers, configured as NAV's Entra ID and ID-porten, and a browser's trip
through the login (tests/identity/mock_provider.py)."""

import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from partnerskap.identity.config import KNOWN, Provider

from ..clients import BrowserClient
from .mock_provider import MockProvider


def configured(key: str, mock: MockProvider) -> Provider:
    label, _prefix, subject, scopes, extra, acr = KNOWN[key]
    return Provider(
        key=key,
        label=label,
        discovery_url=mock.discovery_url,
        client_id=mock.client_id,
        client_secret=mock.client_secret,
        subject_claim=subject,
        scopes=scopes,
        extra_params=extra,
        acr_values=acr,
    )


@pytest.fixture
def entra() -> Iterator[MockProvider]:
    mock = MockProvider("partnerskap-entra", "entra-hemmelig", auth_methods=["client_secret_post"])
    yield mock
    mock.close()


@pytest.fixture
def idporten() -> Iterator[MockProvider]:
    # ID-porten's clients authenticate with HTTP Basic unless registered otherwise.
    mock = MockProvider("partnerskap-idp", "idp:hemmelig", auth_methods=["client_secret_basic"])
    yield mock
    mock.close()


@pytest.fixture
def providers(settings, entra, idporten) -> dict[str, MockProvider]:
    settings.OIDC_PROVIDERS = {
        "entra": configured("entra", entra),
        "idporten": configured("idporten", idporten),
    }
    return {"entra": entra, "idporten": idporten}


def log_in(client: BrowserClient, key: str, next_url: str = ""):
    """Press the provider's button, log in at the provider, and come back: the app's answer."""
    query = "?" + urllib.parse.urlencode({"next": next_url}) if next_url else ""
    started = client.get(f"/innlogging/via/{key}/{query}")
    assert started.status_code == 302, started.content
    no_redirect = urllib.request.build_opener(_NoRedirect)
    try:
        no_redirect.open(started["Location"])
    except urllib.error.HTTPError as answer:
        back = answer.headers["Location"]
    else:  # pragma: no cover - the provider always redirects
        raise AssertionError("the provider did not send the browser back")
    url = urllib.parse.urlsplit(back)
    assert url.netloc == "testserver"
    return client.get(f"{url.path}?{url.query}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None
