"""Login throttling per account and per address, password change and reset by e-mail, and the
demo command's refusal on a real installation (issue 11, defect 7)."""

import io
import re
from unittest import mock

import pytest
from django.contrib.auth.hashers import check_password
from django.core.management import CommandError, call_command
from django.test import Client

from ..factories import UserFactory

PASSWORD = "riktig-passord-123"


@pytest.fixture
def person(db):
    user = UserFactory(username="kari", email="kari@example.no")
    user.set_password(PASSWORD)
    user.save()
    return user


def _login(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(
        "/logg-inn/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_the_right_password_logs_in(client, person):
    assert _login(client, "kari", PASSWORD).status_code == 302


def test_after_too_many_wrong_passwords_the_account_pauses(client, person, settings):
    statuses = [
        # a new address each time: the account alone is counted
        _login(client, "kari", "feil", f"10.0.1.{n}").status_code
        for n in range(settings.LOGIN_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.LOGIN_FAILURE_LIMIT - 1) + [429]
    response = _login(client, "kari", PASSWORD, "10.0.2.1")
    assert response.status_code == 429
    assert "For mange mislykkede innlogginger" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_after_too_many_wrong_passwords_the_address_pauses(client, person, settings):
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        _login(client, f"gjett{n}", "feil", "10.0.3.3")  # many accounts from one address
    assert _login(client, "kari", PASSWORD, "10.0.3.3").status_code == 429
    assert _login(Client(), "kari", PASSWORD, "10.0.3.4").status_code == 302


def test_a_locked_out_try_costs_no_password_hash(client, person, settings):
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        _login(client, "kari", "feil", f"10.0.4.{n}")
    with mock.patch(
        "django.contrib.auth.base_user.check_password", side_effect=check_password
    ) as hashing:
        assert _login(client, "kari", PASSWORD, "10.0.4.99").status_code == 429
    hashing.assert_not_called()


def test_the_address_behind_trusted_proxies_is_the_clients(client, person, settings):
    settings.PROXY_COUNT = 1
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        client.post(
            "/logg-inn/",
            {"username": f"gjett{n}", "password": "feil"},
            REMOTE_ADDR="10.9.9.9",  # the proxy
            HTTP_X_FORWARDED_FOR="192.0.2.7",
        )
    other = Client().post(
        "/logg-inn/",
        {"username": "kari", "password": PASSWORD},
        REMOTE_ADDR="10.9.9.9",
        HTTP_X_FORWARDED_FOR="192.0.2.8",
    )
    assert other.status_code == 302  # another client behind the same proxy is not paused


def test_a_person_changes_their_password(client, person):
    client.force_login(person)
    page = client.get("/passord/")
    assert page.status_code == 200 and 'autocomplete="current-password"' in page.content.decode()
    wrong = client.post(
        "/passord/",
        {"old_password": "feil", "new_password1": "Nytt-passord-9", "new_password2": "x"},
    )
    assert wrong.status_code == 200 and wrong.context["form"].errors
    response = client.post(
        "/passord/",
        {
            "old_password": PASSWORD,
            "new_password1": "Nytt-langt-passord-9",
            "new_password2": "Nytt-langt-passord-9",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("Nytt-langt-passord-9")
    assert client.get("/").status_code == 200  # still logged in after the change


def test_a_forgotten_password_is_reset_by_e_mail(client, person, mailoutbox):
    page = client.get("/logg-inn/")
    assert 'href="/passord/glemt/"' in page.content.decode()
    response = client.post("/passord/glemt/", {"email": "kari@example.no"})
    assert response.status_code == 302 and response["Location"] == "/passord/glemt/sendt/"
    assert client.get(response["Location"]).status_code == 200
    (mail,) = mailoutbox
    assert mail.to == ["kari@example.no"] and "Partnerskap" in mail.subject
    assert "kari" in mail.body and "passord" in mail.body
    link = re.search(r"https?://[^/]+(/passord/ny/\S+)", mail.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and "new_password1" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Helt-nytt-passord-7", "new_password2": "Helt-nytt-passord-7"},
    )
    assert done.status_code == 302 and done["Location"] == "/passord/ny/ferdig/"
    person.refresh_from_db()
    assert person.check_password("Helt-nytt-passord-7")
    assert "ikke gyldig" in Client().get(link, follow=True).content.decode()  # used once


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, person, mailoutbox):
    response = client.post("/passord/glemt/", {"email": "ingen@example.no"})
    assert response.status_code == 302 and mailoutbox == []


def test_the_demo_refuses_with_debug_off_unless_told(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--i-know"):
        call_command("demo")


def test_the_demo_loads_with_debug_off_when_told(settings):
    settings.DEBUG = False
    with mock.patch("partnerskap.demo.management.commands.demo.DemoLoader") as loader:
        call_command("demo", "--i-know", stdout=io.StringIO())
    loader.return_value.load.assert_called_once_with()
