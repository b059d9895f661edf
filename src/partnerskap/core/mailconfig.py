"""EMAIL_URL to Django's e-mail settings (pure: settings.py imports it before Django is set up).

    console://                         print e-mail to the log (development)
    locmem://                          keep it in memory (tests)
    smtp://user:password@host:587      SMTP with STARTTLS (port 587 unless given)
    smtps://user:password@host:465     SMTP over implicit TLS (port 465 unless given)
    smtp+plain://host:25               SMTP without encryption, for a relay on the same host or pod

User names and passwords are percent-encoded in the URL (`nav%40example.no` for nav@example.no).
`?timeout=SECONDS` overrides the 30-second connection timeout.
"""

from urllib.parse import parse_qs, unquote, urlsplit

_SMTP = {"smtp": (587, True, False), "smtps": (465, False, True), "smtp+plain": (25, False, False)}
_LOCAL = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}


class EmailUrlError(ValueError):
    pass


def email_settings(url: str) -> dict[str, object]:
    parts = urlsplit(url)
    if parts.scheme in _LOCAL:
        return {"EMAIL_BACKEND": _LOCAL[parts.scheme]}
    if parts.scheme not in _SMTP:
        raise EmailUrlError(
            "EMAIL_URL must start with console://, smtp://, smtps:// or smtp+plain:// "
            f"(got {parts.scheme or 'no scheme'}://)."
        )
    if not parts.hostname:
        raise EmailUrlError("EMAIL_URL names no SMTP host.")
    default_port, starttls, implicit_tls = _SMTP[parts.scheme]
    try:
        port = parts.port or default_port
        timeout = int(parse_qs(parts.query).get("timeout", ["30"])[0])
    except ValueError as error:
        raise EmailUrlError(
            f"EMAIL_URL has a port or timeout that is not a number: {error}"
        ) from None
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": starttls,
        "EMAIL_USE_SSL": implicit_tls,
        "EMAIL_TIMEOUT": timeout,
    }
