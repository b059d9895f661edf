from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    name = "partnerskap.overview"
    label = "overview"
    verbose_name = _("Overview")

    def ready(self) -> None:
        from partnerskap.core.nav import register_menu_item
        from partnerskap.core.summary import register_partnership_summary

        from .selectors import partnership_summary

        register_menu_item(_("Overview"), "overview:county_overview", order=5)
        register_partnership_summary("overview", partnership_summary)
