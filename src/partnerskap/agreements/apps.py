from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "partnerskap.agreements"
    label = "agreements"
    verbose_name = _("Agreements")

    def ready(self) -> None:
        from partnerskap.core.nav import register_partnership_section
        from partnerskap.core.needs import register_needs_provider

        from .needs import agreements_needs

        register_needs_provider("agreements", agreements_needs)

        register_partnership_section(
            _("Partnership agreement"), "agreements:agreement_list", order=10
        )
