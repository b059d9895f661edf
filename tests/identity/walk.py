"""The identity app's routes in the access walk (tests/access_rules.py says how).

The walk runs without identity providers configured, so the login's own routes answer 404 to
everyone (tests/identity/test_oidc_login.py logs in through mock providers). The list of logins
waiting for a person, and connecting one, are for administrators only.
"""

from partnerskap.identity.models import ExternalIdentity

from ..access_rules import ADMIN, ADMINS, PUBLIC, AppWalk, Rule

PAGES: dict[str, Rule] = {
    "identity:no_access": Rule(PUBLIC, anonymous=200),
    "identity:start": Rule(PUBLIC, ok=404, anonymous=404),
    "identity:callback": Rule(PUBLIC, ok=404, anonymous=404),
    "identity:pending": ADMINS,
    "identity:connected": ADMINS,
    "identity:connect": ADMINS,
    "identity:disconnect": Rule(ADMIN, frozenset({"admin"}), method="POST", ok=302),
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
    connected = ExternalIdentity.objects.create(
        provider="entra",
        issuer="https://login.example/tenant/v2.0",
        subject="walk-oid-member",
        person=world.member,
    )
    return AppWalk(
        params={"provider": "entra"},
        bodies={"identity:disconnect": {}},
        markers=["Vera Venteliste"],
        pages={"identity:connect": waiting, "identity:disconnect": connected},
    )
