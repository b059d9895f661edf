from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "partnerskap.projects"
    label = "projects"
    verbose_name = _("Projects and pilots")

    def ready(self) -> None:
        from partnerskap.core.nav import register_menu_item, register_partnership_section

        from . import receivers  # noqa: F401 - freezes project status reports with the notice

        register_menu_item(_("Projects"), "projects:project_list", order=45)
        register_partnership_section(
            _("Projects and pilots"), "projects:partnership_projects", order=85
        )
