from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "partnerskap.goals"
    label = "goals"
    verbose_name = _("Goals and results")

    def ready(self) -> None:
        from partnerskap.core.nav import register_partnership_section

        from . import receivers  # noqa: F401 - freezes the goals table when a notice is sent

        register_partnership_section(_("Goals and results"), "goals:goal_list", order=55)
