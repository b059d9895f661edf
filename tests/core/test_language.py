"""Bokmål first: the browser's language does not decide, the person's choice does."""

import pytest


@pytest.mark.django_db
def test_login_page_is_bokmal_whatever_the_browser_asks_for(client) -> None:
    response = client.get("/logg-inn/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nb">' in response.content.decode()
    assert "Logg inn i Partnerskap" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "heading"), [("nn", "Logg inn i Partnerskap"), ("en", "Log in to Partnerskap")]
)
def test_the_switcher_choice_is_kept(client, code: str, heading: str) -> None:
    response = client.post("/i18n/setlang/", {"language": code, "next": "/logg-inn/"})
    assert response.status_code == 302
    page = client.get("/logg-inn/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert f'<html lang="{code}">' in page
    assert heading in page


@pytest.mark.django_db
def test_unknown_language_cookie_falls_back_to_bokmal(client, settings) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    assert '<html lang="nb">' in client.get("/logg-inn/").content.decode()
