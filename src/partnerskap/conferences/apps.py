from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferencesConfig(AppConfig):
    name = "partnerskap.conferences"
    label = "conferences"
    verbose_name = _("Conferences and gatherings")

    def ready(self) -> None:
        from partnerskap.core.nav import (
            register_menu_item,
            register_partnership_section,
            register_public_page,
        )

        register_menu_item(_("Events"), "conferences:event_list", order=50)
        register_partnership_section(
            _("Conferences and gatherings"), "conferences:partnership_events", order=80
        )
        register_public_page(_("Conferences and gatherings"), "conferences:public_events")
