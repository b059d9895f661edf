from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "partnerskap.finance"
    label = "finance"
    verbose_name = _("Finance")

    def ready(self) -> None:
        from partnerskap.core.nav import register_partnership_section

        register_partnership_section(
            _("Operating agreement and cost sharing"), "finance:agreement_list", order=20
        )
        register_partnership_section(_("Budget follow-up"), "finance:budget_list", order=30)
