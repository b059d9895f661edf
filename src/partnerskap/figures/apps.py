from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _load_catalogue(sender: AppConfig, **kwargs: object) -> None:
    """The shipped indicators exist in every database (docs/decisions/0013)."""
    from .catalogue import load

    load()


class FiguresConfig(AppConfig):
    name = "partnerskap.figures"
    label = "figures"
    verbose_name = _("Key figures")

    def ready(self) -> None:
        from partnerskap.core.nav import register_partnership_section

        from . import receivers  # noqa: F401 - freezes status reports when a notice is sent

        register_partnership_section(_("Key figures"), "figures:overview", order=50)
        from partnerskap.core.needs import register_needs_provider

        from .needs import figures_needs

        register_needs_provider("figures", figures_needs)
        post_migrate.connect(_load_catalogue, sender=self, dispatch_uid="figures_catalogue")
