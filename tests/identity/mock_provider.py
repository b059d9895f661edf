"""A small OpenID provider for the tests: discovery, authorisation, token and JWKS endpoints on a
thread at 127.0.0.1, with its own RSA key. Nothing is downloaded.

`login_as(claims)` chooses who the next person to log in at the provider is; `tamper` changes the
next ID token (another key, audience, expiry, nonce) to see the app refuse it."""

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class MockProvider:
    def __init__(self, client_id: str, client_secret: str, *, auth_methods: list[str]) -> None:
        self.client_id, self.client_secret = client_id, client_secret
        self.auth_methods = auth_methods
        self.key, self.kid = new_key(), "mock-key-1"
        self.person: dict = {}
        self.tamper: dict = {}
        self.sign_with: rsa.RSAPrivateKey | None = None
        self.codes: dict[str, dict] = {}
        self.token_requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def login_as(self, **claims: object) -> None:
        self.person = claims

    # --- the endpoints ---------------------------------------------------------------------

    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/endsession",
            "response_types_supported": ["code"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": self.auth_methods,
            "code_challenge_methods_supported": ["S256"],
        }

    def jwks(self) -> dict:
        public = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**public, "kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def authorize(self, query: dict[str, str]) -> str:
        """The person logs in at once: back to the app with a code bound to nonce and PKCE."""
        assert query["response_type"] == "code"
        assert query["client_id"] == self.client_id
        assert query["code_challenge_method"] == "S256"
        code = secrets.token_urlsafe(16)
        self.codes[code] = query
        answer = urllib.parse.urlencode({"code": code, "state": query["state"]})
        return f"{query['redirect_uri']}?{answer}"

    def token(self, form: dict[str, str], authorization: str) -> tuple[int, dict]:
        self.token_requests.append({**form, "authorization": authorization})
        client = (form.get("client_id"), form.get("client_secret"))
        if authorization.startswith("Basic "):
            pair = base64.b64decode(authorization[6:]).decode()
            client = tuple(urllib.parse.unquote(p) for p in pair.split(":", 1))
        if client != (self.client_id, self.client_secret):
            return 401, {"error": "invalid_client"}
        asked = self.codes.pop(form.get("code", ""), None)
        if asked is None or asked["redirect_uri"] != form.get("redirect_uri"):
            return 400, {"error": "invalid_grant"}
        digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        if base64.urlsafe_b64encode(digest).decode().rstrip("=") != asked["code_challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": asked["nonce"],
            **self.person,
            **self.tamper,
        }
        key = self.sign_with or self.key
        token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})
        return 200, {"id_token": token, "access_token": "opaque", "token_type": "Bearer"}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _json(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                if url.path == "/.well-known/openid-configuration":
                    self._json(200, provider.discovery())
                elif url.path == "/jwks":
                    self._json(200, provider.jwks())
                elif url.path == "/authorize":
                    query = dict(urllib.parse.parse_qsl(url.query))
                    self.send_response(302)
                    self.send_header("Location", provider.authorize(query))
                    self.end_headers()
                else:
                    self._json(404, {"error": "not_found"})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                status, body = provider.token(form, self.headers.get("Authorization", ""))
                self._json(status, body)

        return Handler
