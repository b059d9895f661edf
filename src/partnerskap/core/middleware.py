"""The project's middleware: the request context (id, access log, metrics, probes) and the
interface language: bokmål unless the person chose another in the language switcher.

Django's LocaleMiddleware would follow the browser's Accept-Language header, so a machine set up
in English would show an English interface to a Norwegian municipal office. Partnerskap is
Norwegian first (docs/decisions/0004-languages.md): only an explicit choice changes it.
"""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from . import metrics
from .health import PROBES
from .logs import new_request_id, request_id_var

access_log = logging.getLogger("partnerskap.requests")


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class RequestContextMiddleware:
    """First in the chain: the request id every log line carries, one access log line and the
    request's metrics, and the platform's probes answered before anything else runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = new_request_id(request.headers.get("X-Request-ID"))
        # Kept until the response is closed (request_finished), so Django's own lines about
        # the response, written after the middleware returns, carry it too.
        request_id_var.set(request_id)
        started = time.perf_counter()
        probe = PROBES.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            response, view = probe(request), "probe"
        else:
            response = self.get_response(request)
            match = request.resolver_match
            view = match.view_name if match else "unresolved"
        response.headers["X-Request-ID"] = request_id
        _account(request, response, view, time.perf_counter() - started)
        return response


@receiver(request_finished)
def _forget_request_id(**kwargs: object) -> None:
    request_id_var.set("-")


def _account(request: HttpRequest, response: HttpResponse, view: str, seconds: float) -> None:
    metrics.REQUESTS.labels(method=request.method, view=view, status=response.status_code).inc()
    metrics.LATENCY.labels(method=request.method, view=view).observe(seconds)
    if view == "probe":
        return  # a probe every few seconds per pod would drown the log
    path = _loggable_path(request)
    access_log.info(
        "%s %s %s",
        request.method,
        path,
        response.status_code,
        extra={
            "method": request.method,
            "path": path,
            "view": view,
            "status": response.status_code,
            "duration_ms": round(seconds * 1000, 1),
        },
    )


def _loggable_path(request: HttpRequest) -> str:
    """The path with personal-link tokens masked: a token in a log is a key left lying about."""
    path = request.path
    match = request.resolver_match
    for name, value in match.kwargs.items() if match else ():
        if "token" in name and isinstance(value, str) and value:
            path = path.replace(value, "***")
    return path
