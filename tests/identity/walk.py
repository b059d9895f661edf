"""The identity app's routes in the access walk (tests/access_rules.py says how).

The walk runs without identity providers configured, so the login's own routes answer 404 to
everyone (tests/identity/test_oidc_login.py logs in through mock providers). The list of logins
waiting for a person, and connecting one, are for administrators only.
"""

from partnerskap.identity.models import ExternalIdentity

from ..access_rules import ADMINS, PUBLIC, AppWalk, Rule

PAGES: dict[str, Rule] = {
    "identity:no_access": Rule(PUBLIC, anonymous=200),
    "identity:start": Rule(PUBLIC, ok=404, anonymous=404),
    "identity:callback": Rule(PUBLIC, ok=404, anonymous=404),
    "identity:pending": ADMINS,
    "identity:connect": ADMINS,
}

API: dict[str, Rule] = {}


def build(world) -> AppWalk:
    waiting = ExternalIdentity.objects.create(
        provider="entra",
        issuer="https://login.example/tenant/v2.0",
        subject="walk-oid",
        name="Vera Venteliste",
        email="vera.venteliste@nav.no",
    )
    return AppWalk(
        params={"provider": "entra"},
        markers=["Vera Venteliste"],
        pages={"identity:connect": waiting},
    )
