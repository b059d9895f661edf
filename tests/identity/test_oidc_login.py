"""Issue 17, done 1: logging in through an OpenID provider (mock providers started by the test)
as a NAV employee and as a municipal employee; an unknown person waits on "no access yet" until
an administrator connects the login; a token with a wrong signature, audience, expiry or nonce
is refused without a session."""

import logging
import time
import urllib.parse

import jwt
import pytest

from partnerskap.core.models import RoleKind
from partnerskap.identity.models import ExternalIdentity
from partnerskap.registry.models import Role

from ..clients import BrowserClient
from ..factories import UserFactory
from .conftest import log_in
from .mock_provider import new_key

NAV_EMPLOYEE = {
    "sub": "pairwise-for-this-app",
    "oid": "7c1c2f9e-0000-4000-8000-00000000a001",
    "name": "Nora Navansatt",
    "email": "nora.navansatt@nav.no",
    "NAVident": "N123456",
}
MUNICIPAL_EMPLOYEE = {
    "sub": "idporten-sub-kommune-1",
    "pid": "01010112345",
    "acr": "idporten-loa-substantial",
}


def _signed_in_as(client: BrowserClient) -> str | None:
    return client.session.get("_auth_user_id")


def test_a_nav_employee_connected_by_oid_goes_straight_in(db, providers):
    nora = UserFactory(username="nora", first_name="Nora", last_name="Navansatt")
    ExternalIdentity.objects.create(
        provider="entra", issuer=providers["entra"].issuer, subject=NAV_EMPLOYEE["oid"], person=nora
    )
    providers["entra"].login_as(**NAV_EMPLOYEE)
    client = BrowserClient()
    answer = log_in(client, "entra", next_url="/partnerskap/")
    assert answer.status_code == 302
    assert answer["Location"] == "/partnerskap/"
    assert _signed_in_as(client) == str(nora.pk)
    home = client.get("/")
    assert "Nora Navansatt" in home.content.decode()
    # The token endpoint got the code with the PKCE verifier and the secret in the body.
    request = providers["entra"].token_requests[-1]
    assert request["code_verifier"] and request["client_secret"] == "entra-hemmelig"
    identity = ExternalIdentity.objects.get(person=nora)
    assert identity.nav_ident == "N123456"
    assert identity.email == "nora.navansatt@nav.no"


def test_an_unknown_nav_employee_waits_until_an_admin_connects_the_login(db, providers):
    providers["entra"].login_as(**NAV_EMPLOYEE)
    client = BrowserClient()
    answer = log_in(client, "entra")
    assert answer["Location"] == "/innlogging/ingen-tilgang/"
    assert _signed_in_as(client) is None
    page = client.get("/innlogging/ingen-tilgang/").content.decode()
    identity = ExternalIdentity.objects.get()
    assert "Du har ikke tilgang ennå" in page
    assert identity.code in page
    assert "NAV (Entra ID)" in page
    assert identity.person is None and identity.subject == NAV_EMPLOYEE["oid"]
    # Logging in again does not let her in, nor record her twice.
    assert log_in(BrowserClient(), "entra")["Location"] == "/innlogging/ingen-tilgang/"
    assert ExternalIdentity.objects.count() == 1
    # The time of a login is no change anyone made: no second history row.
    assert identity.history.count() == 1

    # A person with her e-mail exists, but the e-mail alone connects nothing: an admin does.
    nora = UserFactory(username="nora", first_name="Nora", email="Nora.Navansatt@nav.no")
    admin = BrowserClient()
    admin.force_login(UserFactory(username="sjef", is_superuser=True))
    listing = admin.get("/personer/innlogginger/").content.decode()
    assert identity.code in listing and "N123456" in listing
    form = admin.get(f"/personer/innlogginger/{identity.pk}/koble/").content.decode()
    assert f'<option value="{nora.pk}" selected>' in form  # the e-mail suggests her
    done = admin.post(f"/personer/innlogginger/{identity.pk}/koble/", {"person": nora.pk})
    assert done.status_code == 302
    identity.refresh_from_db()
    assert identity.person == nora and identity.connected_at is not None
    listing = admin.get("/personer/innlogginger/").content.decode()
    assert f"tilhører nå {nora.display_name}" in listing  # the message after connecting
    assert f"/personer/innlogginger/{identity.pk}/koble/" not in listing
    assert "Ingen innlogging venter." in listing
    # No role came with the login.
    assert not Role.objects.filter(person=nora).exists()

    again = BrowserClient()
    assert log_in(again, "entra")["Location"] == "/"
    assert _signed_in_as(again) == str(nora.pk)


def test_a_municipal_employee_logs_in_through_id_porten(db, providers):
    kari = UserFactory(username="kari", first_name="Kari", last_name="Kommune")
    providers["idporten"].login_as(**MUNICIPAL_EMPLOYEE)
    client = BrowserClient()
    assert log_in(client, "idporten")["Location"] == "/innlogging/ingen-tilgang/"
    identity = ExternalIdentity.objects.get(provider="idporten")
    # ID-porten's sub names the person; the national identity number is not stored.
    assert identity.subject == "idporten-sub-kommune-1"
    assert "01010112345" not in str(list(ExternalIdentity.objects.values()))
    admin = BrowserClient()
    admin.force_login(UserFactory(username="sjef", is_superuser=True))
    admin.post(f"/personer/innlogginger/{identity.pk}/koble/", {"person": kari.pk})

    client = BrowserClient()
    assert log_in(client, "idporten").status_code == 302
    assert _signed_in_as(client) == str(kari.pk)
    # The client secret went as HTTP Basic, the only method this provider offers.
    request = providers["idporten"].token_requests[-1]
    assert request["authorization"].startswith("Basic ") and "client_secret" not in request


def test_a_low_assurance_id_porten_login_is_refused(db, providers):
    providers["idporten"].login_as(**{**MUNICIPAL_EMPLOYEE, "acr": "idporten-loa-low"})
    client = BrowserClient()
    answer = log_in(client, "idporten")
    assert answer.status_code == 403
    assert "sikkerhetsnivå" in answer.content.decode()
    assert not ExternalIdentity.objects.exists()


def _connected_nora(providers) -> None:
    nora = UserFactory(username="nora")
    ExternalIdentity.objects.create(
        provider="entra", issuer=providers["entra"].issuer, subject=NAV_EMPLOYEE["oid"], person=nora
    )
    providers["entra"].login_as(**NAV_EMPLOYEE)


@pytest.mark.parametrize(
    ("tamper", "other_key", "message", "reason"),
    [
        ({}, True, "Innloggingen kunne ikke bekreftes", "InvalidSignatureError"),
        ({"aud": "another-app"}, False, "ment for en annen tjeneste", "audience"),
        ({"exp": int(time.time()) - 600}, False, "Innloggingen er utløpt", "expired"),
        ({"iss": "http://127.0.0.1:1"}, False, "Innloggingen kunne ikke bekreftes", "Issuer"),
        ({"nonce": "replayed"}, False, "Innloggingen kunne ikke bekreftes", "nonce"),
    ],
    ids=["signature", "audience", "expiry", "issuer", "nonce"],
)
def test_a_bad_token_is_refused_without_a_session(
    db, providers, caplog, tamper, other_key, message, reason
):
    _connected_nora(providers)
    providers["entra"].tamper = tamper
    providers["entra"].sign_with = new_key() if other_key else None
    client = BrowserClient()
    with caplog.at_level(logging.WARNING, logger="partnerskap.identity"):
        answer = log_in(client, "entra")
    assert answer.status_code == 403
    page = answer.content.decode()
    assert "Innloggingen gikk ikke gjennom" in page and message in page
    assert _signed_in_as(client) is None
    assert client.get("/").status_code == 302  # still on the way to the login page
    refusals = [r for r in caplog.records if r.getMessage() == "login refused"]
    assert len(refusals) == 1 and reason in refusals[0].reason
    assert refusals[0].provider == "entra"
    assert ExternalIdentity.objects.get().last_login_at is None


def test_an_answer_without_a_login_under_way_is_refused(db, providers):
    _connected_nora(providers)
    client = BrowserClient()
    answer = client.get("/innlogging/via/entra/tilbake/?code=stolen&state=made-up")
    assert answer.status_code == 403
    assert "startet i en annen nettleser" in answer.content.decode()
    assert providers["entra"].token_requests == []
    assert _signed_in_as(client) is None


def test_the_login_page_offers_each_configured_provider(db, providers):
    page = BrowserClient().get("/logg-inn/?next=/kontor/").content.decode()
    assert 'href="/innlogging/via/entra/?next=%2Fkontor%2F"' in page
    assert "Logg inn med ID-porten" in page
    assert "Logg inn med NAV (Entra ID)" in page


def test_without_providers_the_login_page_has_passwords_only(db, settings):
    settings.OIDC_PROVIDERS = {}
    page = BrowserClient().get("/logg-inn/").content.decode()
    assert "/innlogging/via/" not in page
    assert BrowserClient().get("/innlogging/via/entra/").status_code == 404


def test_connecting_is_for_administrators_only(db, world, providers):
    identity = ExternalIdentity.objects.create(provider="entra", issuer="x", subject="y")
    leader = BrowserClient()
    leader.force_login(world.nav_leader)
    assert leader.get("/personer/innlogginger/").status_code == 403
    answer = leader.post(f"/personer/innlogginger/{identity.pk}/koble/", {"person": 1})
    assert answer.status_code == 403
    identity.refresh_from_db()
    assert identity.person is None
    admin = BrowserClient()
    admin.force_login(world.admin)
    assert Role.objects.filter(person=world.admin, kind=RoleKind.ADMINISTRATOR).exists()
    assert admin.get("/personer/innlogginger/").status_code == 200


def _pending_page_queries(client: BrowserClient, count: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ExternalIdentity.objects.filter(person__isnull=True).delete()
    for n in range(count):
        ExternalIdentity.objects.create(
            provider="entra", issuer="https://login.example", subject=f"oid-{n}", name=f"Ny {n}"
        )
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/personer/innlogginger/")
    assert page.content.decode().count("/koble/") == count
    return len(queries)


def test_the_waiting_list_asks_the_same_number_of_queries_for_1_and_30_logins(db, providers):
    admin = BrowserClient()
    admin.force_login(UserFactory(username="sjef", is_superuser=True))
    assert _pending_page_queries(admin, 1) == _pending_page_queries(admin, 30)


def test_logging_out_ends_the_providers_session_too(db, providers):
    _connected_nora(providers)
    client = BrowserClient()
    log_in(client, "entra")
    assert _signed_in_as(client) is not None
    client.get("/")  # the CSRF cookie, as a browser has it
    answer = client.post("/logg-ut/")
    assert answer.status_code == 302
    url = urllib.parse.urlsplit(answer["Location"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{providers['entra'].issuer}/endsession"
    query = dict(urllib.parse.parse_qsl(url.query))
    assert query["post_logout_redirect_uri"] == "http://testserver/logg-inn/"
    assert query["client_id"] == "partnerskap-entra"
    hint = jwt.decode(query["id_token_hint"], options={"verify_signature": False})
    assert hint["oid"] == NAV_EMPLOYEE["oid"]
    assert _signed_in_as(client) is None


def test_a_password_login_logs_out_here_only(db, providers):
    client = BrowserClient()
    client.force_login(UserFactory(username="lokal"))
    client.get("/")
    answer = client.post("/logg-ut/")
    assert answer["Location"] == "/logg-inn/"
    assert _signed_in_as(client) is None


def test_an_admin_disconnects_a_login_and_it_waits_again(db, world, providers):
    _connected_nora(providers)
    identity = ExternalIdentity.objects.get()
    leader = BrowserClient()
    leader.force_login(world.nav_leader)
    leader.get("/")
    assert leader.post(f"/personer/innlogginger/{identity.pk}/koble-fra/").status_code == 403
    identity.refresh_from_db()
    assert identity.person is not None

    admin = BrowserClient()
    admin.force_login(world.admin)
    listing = admin.get("/personer/innlogginger/koblet/").content.decode()
    assert "Koblede innlogginger" in listing and identity.person.display_name in listing
    assert f"/personer/innlogginger/{identity.pk}/koble-fra/" in listing
    answer = admin.post(f"/personer/innlogginger/{identity.pk}/koble-fra/", follow=True)
    assert "tilhører ikke lenger" in answer.content.decode()
    identity.refresh_from_db()
    assert identity.person is None and identity.connected_at is None
    client = BrowserClient()
    assert log_in(client, "entra")["Location"] == "/innlogging/ingen-tilgang/"
    assert _signed_in_as(client) is None
