from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "partnerskap.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from partnerskap.core.needs import register_needs_provider

        from .needs import meetings_needs

        register_needs_provider("meetings", meetings_needs)
