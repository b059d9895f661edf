from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualConfig(AppConfig):
    name = "partnerskap.annual"
    label = "annual"
    verbose_name = _("The year: council report and annual wheel")

    def ready(self) -> None:
        from partnerskap.core.nav import register_partnership_section
        from partnerskap.core.reminders import register_reminder_job

        from .reminders import send_wheel_reminders

        register_reminder_job("annual", send_wheel_reminders)
        register_partnership_section(_("The year"), "annual:wheel_now", order=95)
