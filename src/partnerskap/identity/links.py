"""The login page's buttons, one for each configured provider (given to core's login view by the
project's URL wiring, as core imports no app)."""

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode


def login_links(next_url: str = "") -> list[dict[str, str]]:
    query = "?" + urlencode({"next": next_url}) if next_url else ""
    return [
        {"label": p.label, "url": reverse("identity:start", args=[p.key]) + query}
        for p in settings.OIDC_PROVIDERS.values()
    ]
