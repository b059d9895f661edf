from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualConfig(AppConfig):
    name = "partnerskap.annual"
    label = "annual"
    verbose_name = _("The year: council report and annual wheel")
