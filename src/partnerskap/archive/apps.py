from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "partnerskap.archive"
    label = "archive"
    verbose_name = _("Archive and public pages")

    def ready(self) -> None:
        from partnerskap.core.nav import register_menu_item

        register_menu_item(_("Archive"), "archive:extract_index", order=90)
