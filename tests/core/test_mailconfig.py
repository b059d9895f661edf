"""EMAIL_URL: STARTTLS, implicit TLS or none, and user names that hold an @."""

import pytest

from partnerskap.core.mailconfig import EmailUrlError, email_settings


def test_smtp_is_starttls_on_587_with_percent_encoded_credentials():
    settings = email_settings("smtp://partnerskap%40nav.no:p%3Ass%2Fw%40rd@smtp.nav.no")
    assert settings["EMAIL_HOST"] == "smtp.nav.no"
    assert settings["EMAIL_PORT"] == 587
    assert settings["EMAIL_HOST_USER"] == "partnerskap@nav.no"
    assert settings["EMAIL_HOST_PASSWORD"] == "p:ss/w@rd"
    assert settings["EMAIL_USE_TLS"] is True
    assert settings["EMAIL_USE_SSL"] is False
    assert settings["EMAIL_TIMEOUT"] == 30


def test_smtps_is_implicit_tls_on_465():
    settings = email_settings("smtps://user:secret@smtp.example.no?timeout=10")
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"]) == (
        465,
        False,
        True,
    )
    assert settings["EMAIL_TIMEOUT"] == 10


def test_smtp_plain_is_a_local_relay_without_encryption_or_login():
    settings = email_settings("smtp+plain://localhost:2525")
    assert settings["EMAIL_PORT"] == 2525
    assert not settings["EMAIL_USE_TLS"] and not settings["EMAIL_USE_SSL"]
    assert settings["EMAIL_HOST_USER"] == settings["EMAIL_HOST_PASSWORD"] == ""


def test_console_and_locmem_keep_mail_on_the_machine():
    assert email_settings("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    assert email_settings("locmem://")["EMAIL_BACKEND"].endswith("locmem.EmailBackend")


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mailto://x@y", "must start with"),
        ("smtp://", "no SMTP host"),
        ("smtp://host:port", "not a number"),
        ("smtp://host?timeout=soon", "not a number"),
    ],
)
def test_a_wrong_email_url_says_what_is_wrong(url, says):
    with pytest.raises(EmailUrlError, match=says):
        email_settings(url)
