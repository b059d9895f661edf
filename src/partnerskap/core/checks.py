"""System checks `check --deploy` runs: what production must configure that development need not."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def email_configured(app_configs: object, **kwargs: object) -> list[Error | Warning]:
    """Notices, minutes and reminders must reach people: printing them to the log is no default."""
    if not settings.EMAIL_URL_GIVEN:
        return [
            Error(
                "EMAIL_URL is not set, so e-mail would only be printed to the log.",
                hint="Set EMAIL_URL to smtp://, smtps:// or smtp+plain:// (see .env.example).",
                id="partnerskap.E001",
            )
        ]
    if settings.EMAIL_BACKEND.endswith((".console.EmailBackend", ".locmem.EmailBackend")):
        return [
            Warning(
                "EMAIL_URL keeps e-mail on this machine: no notice or reminder reaches anyone.",
                hint="Set EMAIL_URL to the SMTP server (see .env.example).",
                id="partnerskap.W001",
            )
        ]
    return []
