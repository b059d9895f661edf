from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "partnerskap.reception"
    label = "reception"
    verbose_name = _("Reception")

    def ready(self) -> None:
        from partnerskap.core.nav import register_office_section

        register_office_section(_("Reception and walk-in hours"), "reception:office_reception")
