from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "partnerskap.plans"
    label = "plans"
    verbose_name = _("Yearly plans")

    def ready(self) -> None:
        from partnerskap.core.nav import register_partnership_section
        from partnerskap.core.needs import register_needs_provider
        from partnerskap.core.reminders import register_reminder_job

        from .needs import plans_needs
        from .reminders import send_plan_reminders

        register_reminder_job("plans", send_plan_reminders)
        register_needs_provider("plans", plans_needs)
        register_partnership_section(_("Yearly plans"), "plans:plan_list", order=15)
