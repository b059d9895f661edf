"""Absolute links for e-mail: an e-mail has no page to be relative to."""

from django.conf import settings
from django.http import HttpRequest


def site_url(request: HttpRequest | None = None) -> str:
    """Where Partnerskap answers: the request's own address when there is one, else the SITE_URL
    setting, else the first trusted origin or allowed host."""
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    configured = getattr(settings, "SITE_URL", "") or next(
        iter(getattr(settings, "CSRF_TRUSTED_ORIGINS", [])), ""
    )
    if configured:
        return configured.rstrip("/")
    hosts = [h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")]
    return f"https://{hosts[0]}" if hosts else "http://localhost:8000"
