from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "partnerskap.reception"
    label = "reception"
    verbose_name = _("Reception")

    def ready(self) -> None:
        from partnerskap.core.nav import register_office_section, register_partnership_section

        label = _("Reception and walk-in hours")
        register_office_section(label, "reception:office_reception")
        register_partnership_section(label, "reception:partnership_reception", order=70)

        from partnerskap.core.needs import register_needs_provider

        from .needs import reception_needs

        register_needs_provider("reception", reception_needs)
