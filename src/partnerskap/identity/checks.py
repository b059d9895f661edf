"""The deploy check for the identity providers: one half configured is a login that never works."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def providers_complete(app_configs: object, **kwargs: object) -> list[Warning]:
    missing = settings.OIDC_MISSING
    if not missing:
        return []
    return [
        Warning(
            f"An identity provider is half configured: {', '.join(missing)} not set, so its "
            "login is not offered.",
            hint="Set all three of the provider's variables, or none (see .env.example).",
            id="partnerskap.W010",
        )
    ]
