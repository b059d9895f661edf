"""The test client every test uses: Django's, with the CSRF check enforced, behaving like the two
kinds of real client Partnerskap has.

A browser holds the CSRF cookie and sends its token with every unsafe request (the forms carry it,
htmx sends the header); a script holds a personal token and no cookie at all. Django's plain test
client skips the CSRF check altogether, which once let the API refuse every token write while its
tests passed (issue 11). So this client enforces the check and sends the CSRF token only where a
browser would: on the pages, and on API calls made with a session. A call with
`Authorization: Bearer …`, or an anonymous API call, goes without it, as a script's would.
"""

from django.conf import settings
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class BrowserClient(Client):
    def __init__(self, **defaults: object) -> None:
        super().__init__(enforce_csrf_checks=True, **defaults)

    def generic(self, method: str, path: str, *args: object, **extra: object):  # type: ignore[override]
        if method.upper() not in SAFE_METHODS and self._sends_csrf(path, extra):
            extra.setdefault("HTTP_X_CSRFTOKEN", self._csrf_token())
        return super().generic(method, path, *args, **extra)

    def _sends_csrf(self, path: str, extra: dict) -> bool:
        headers = {name.lower() for name in extra.get("headers") or {}}
        if "HTTP_AUTHORIZATION" in {**self.defaults, **extra} or "authorization" in headers:
            return False
        if path.startswith("/api/"):
            return settings.SESSION_COOKIE_NAME in self.cookies
        return True

    def _csrf_token(self) -> str:
        cookie = self.cookies.get(settings.CSRF_COOKIE_NAME)
        if cookie is None or not cookie.value:
            self.cookies[settings.CSRF_COOKIE_NAME] = _get_new_csrf_string()
            cookie = self.cookies[settings.CSRF_COOKIE_NAME]
        return cookie.value
