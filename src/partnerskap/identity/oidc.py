"""The authorisation code flow with PKCE against one provider, and the ID token's validation.

PyJWT checks the signature with the issuer's published keys (JWKS), the issuer, the audience, the
expiry and the issue time; the nonce and, for ID-porten, the assurance level are checked here.
Every refusal is a `LoginRefused` with a message for the person and a reason for the log."""

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import jwt
from django.utils.translation import gettext as _

from .config import Provider

TIMEOUT = 10  # seconds for each request to the provider
METADATA_TTL = 3600  # how long the discovery document is kept
LEEWAY = 60  # seconds of clock difference accepted on exp, iat and nbf
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256"]

_lock = threading.Lock()
_metadata: dict[str, tuple[float, dict]] = {}
_jwk_clients: dict[str, jwt.PyJWKClient] = {}


class LoginRefused(Exception):
    """The provider's answer is not a login: `message` for the person, `reason` for the log."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(reason)
        self.message = message
        self.reason = reason


@dataclass(frozen=True)
class Started:
    """What the callback needs to check the answer: kept in the session under the state."""

    url: str
    state: str
    nonce: str
    verifier: str


def _fetch(request: urllib.request.Request | str) -> dict:
    url = request.full_url if isinstance(request, urllib.request.Request) else request
    if urllib.parse.urlsplit(url).scheme not in {"https", "http"}:
        raise LoginRefused(_("The login service is not configured correctly."), f"bad URL {url}")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - checked
            return json.loads(response.read())
    except urllib.error.HTTPError as error:  # the provider answered, and said no
        raise LoginRefused(
            _("The login service did not confirm who you are."),
            f"{url} answered {error.code}: {error.read()[:200]!r}",
        ) from error
    except (OSError, ValueError) as error:
        raise LoginRefused(
            _("The login service did not answer. Try again in a little while."),
            f"request to {url} failed: {error}",
        ) from error


def metadata(provider: Provider) -> dict:
    """The provider's discovery document, kept for an hour."""
    with _lock:
        cached = _metadata.get(provider.discovery_url)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    document = _fetch(provider.discovery_url)
    with _lock:
        _metadata[provider.discovery_url] = (time.monotonic() + METADATA_TTL, document)
    return document


def start(provider: Provider, redirect_uri: str) -> Started:
    """The address to send the browser to, with a fresh state, nonce and PKCE verifier."""
    state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    params = {
        "response_type": "code",
        "client_id": provider.client_id,
        "redirect_uri": redirect_uri,
        "scope": provider.scopes,
        "state": state,
        "nonce": nonce,
        "code_challenge": challenge.decode().rstrip("="),
        "code_challenge_method": "S256",
        **provider.extra_params,
    }
    endpoint = metadata(provider)["authorization_endpoint"]
    return Started(f"{endpoint}?{urllib.parse.urlencode(params)}", state, nonce, verifier)


def exchange(provider: Provider, code: str, redirect_uri: str, verifier: str) -> str:
    """The ID token for the code, from the token endpoint (client secret in the body, or as
    HTTP Basic where the provider accepts only that)."""
    document = metadata(provider)
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "code_verifier": verifier,
    }
    headers = {"Accept": "application/json"}
    methods = document.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    if "client_secret_post" in methods:
        form |= {"client_id": provider.client_id, "client_secret": provider.client_secret}
    else:
        pair = (
            f"{urllib.parse.quote(provider.client_id)}:{urllib.parse.quote(provider.client_secret)}"
        )
        headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked in _fetch
        document["token_endpoint"],
        data=urllib.parse.urlencode(form).encode(),
        headers=headers,
        method="POST",
    )
    answer = _fetch(request)
    if not isinstance(answer.get("id_token"), str):
        raise LoginRefused(
            _("The login service did not confirm who you are."),
            f"no id_token from the token endpoint ({answer.get('error', 'no error given')})",
        )
    return answer["id_token"]


def _signing_key(document: dict, token: str) -> object:
    uri = document["jwks_uri"]
    with _lock:
        client = _jwk_clients.get(uri)
        if client is None:
            client = _jwk_clients[uri] = jwt.PyJWKClient(
                uri, lifespan=METADATA_TTL, timeout=TIMEOUT
            )
    try:
        return client.get_signing_key_from_jwt(token).key
    except jwt.PyJWKClientConnectionError as error:
        raise LoginRefused(
            _("The login service did not answer. Try again in a little while."), str(error)
        ) from error
    except (jwt.PyJWKClientError, jwt.DecodeError) as error:
        raise LoginRefused(
            _("The login could not be verified."), f"signing key: {error}"
        ) from error


def validate(provider: Provider, token: str, nonce: str | None) -> dict:
    """The claims of a valid ID token from this provider for this app; else LoginRefused.
    `nonce` None skips the nonce (a token the app did not ask for itself)."""
    document = metadata(provider)
    key = _signing_key(document, token)
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=ALGORITHMS,
            audience=provider.client_id,
            issuer=document["issuer"],
            leeway=LEEWAY,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )
    except jwt.ExpiredSignatureError as error:
        raise LoginRefused(
            _("The login has expired. Log in again."), f"expired: {error}"
        ) from error
    except jwt.InvalidAudienceError as error:
        raise LoginRefused(
            _("The login was meant for another service."), f"audience: {error}"
        ) from error
    except jwt.InvalidTokenError as error:
        raise LoginRefused(
            _("The login could not be verified."), f"{type(error).__name__}: {error}"
        ) from error
    _check_claims(provider, claims, nonce)
    return claims


def _check_claims(provider: Provider, claims: dict, nonce: str | None) -> None:
    refused = _("The login could not be verified.")
    if nonce is not None and not secrets.compare_digest(str(claims.get("nonce", "")), nonce):
        raise LoginRefused(refused, "nonce does not match")
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != provider.client_id:
        raise LoginRefused(refused, "several audiences and azp is not this client")
    if provider.acr_values and claims.get("acr") not in provider.acr_values:
        raise LoginRefused(
            _("The login's security level is too low for Partnerskap."),
            f"acr {claims.get('acr')!r} not accepted",
        )
    if not str(claims.get(provider.subject_claim, "")).strip():
        raise LoginRefused(refused, f"no {provider.subject_claim} claim")


def end_session_url(provider: Provider, id_token: str, after: str) -> str:
    """Where to send the browser so that the provider's session ends too ("" when the provider
    has no end_session_endpoint): back to `after` when done."""
    endpoint = metadata(provider).get("end_session_endpoint")
    if not endpoint:
        return ""
    params = {"id_token_hint": id_token, "post_logout_redirect_uri": after}
    return f"{endpoint}?{urllib.parse.urlencode(params | {'client_id': provider.client_id})}"
