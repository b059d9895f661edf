"""Standard agendas: the partnership meeting's, from the national agreement template and the way
partnership meetings are run (status, services, challenges, owners' information, steering
signals, evaluation of the partnership)."""

from django.utils.translation import gettext_lazy as _

from .models import ItemKind
from .services import StandardItem

PARTNERSHIP_MEETING_AGENDA = [
    StandardItem(
        _("Status of the office: operations, finances and working environment"),
        ItemKind.INFORMATION,
        30,
    ),
    StandardItem(_("Services to users and the challenges ahead"), ItemKind.DISCUSSION, 30),
    StandardItem(
        _("Shared goals and results, from users' needs and the owners' steering signals"),
        ItemKind.DISCUSSION,
        30,
    ),
    StandardItem(_("Information from each owner"), ItemKind.INFORMATION, 20),
    StandardItem(_("Competence needs"), ItemKind.DISCUSSION, 15),
    StandardItem(_("Cooperation with other services"), ItemKind.DISCUSSION, 15),
    StandardItem(
        _("Expectations and steering signals from the partnership"), ItemKind.DECISION, 20
    ),
    StandardItem(_("Evaluation of the partnership"), ItemKind.DISCUSSION, 15),
]
