"""The filters of the county overview and the registers: plain GET forms, validation only."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerskap.agreements.models import AgreementStatus
from partnerskap.meetings.models import ActionStatus
from partnerskap.registry.models import County

from .registers import OVERDUE
from .selectors import NO_AGREEMENT

SORTS = [
    ("name", _("Partnership")),
    ("county", _("County")),
    ("status", _("Agreement")),
    ("expires", _("Expires")),
    ("hearing", _("Hearing deadline")),
    ("next_meeting", _("Next meeting")),
    ("last_approved", _("Last approved minutes")),
    ("open", _("Open follow-ups")),
    ("overdue", _("Overdue follow-ups")),
    ("figures", _("Key figures updated")),
]


class OverviewFilter(forms.Form):
    county = forms.TypedChoiceField(label=_("County"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label=_("Agreement status"),
        required=False,
        choices=[("", _("All")), *AgreementStatus.choices, (NO_AGREEMENT, _("No agreement"))],
    )
    overdue = forms.BooleanField(label=_("Only with overdue follow-ups"), required=False)
    expiring = forms.IntegerField(
        label=_("Agreement expires within (months)"), required=False, min_value=1, max_value=120
    )
    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)
    descending = forms.BooleanField(label=_("Descending"), required=False)

    def __init__(self, data, counties: list[tuple[int, str]]) -> None:
        super().__init__(data)
        self.fields["county"].choices = [("", _("All")), *counties]


class RegisterFilter(forms.Form):
    """The decisions' register uses the first fields; the follow-ups' register all of them."""

    partnership = forms.TypedChoiceField(
        label=_("Partnership"), required=False, coerce=int, empty_value=None
    )
    body = forms.TypedChoiceField(label=_("Body"), required=False, coerce=int, empty_value=None)
    county = forms.TypedChoiceField(label=_("County"), required=False, coerce=int, empty_value=None)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    q = forms.CharField(label=_("Text contains"), required=False, max_length=100)

    def __init__(self, data, bodies: list) -> None:
        super().__init__(data)
        partnerships = {b.partnership_id: b.partnership.name for b in bodies if b.partnership_id}
        self.fields["partnership"].choices = [("", _("All")), *_by_name(partnerships)]
        self.fields["body"].choices = [("", _("All")), *[(b.pk, b.name) for b in bodies]]
        counties = County.objects.order_by("name").values_list("id", "name")
        self.fields["county"].choices = [("", _("All")), *counties]


def _by_name(named: dict[int, str]) -> list[tuple[int, str]]:
    return sorted(named.items(), key=lambda pair: pair[1])


class FollowUpFilter(RegisterFilter):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), (OVERDUE, _("Overdue")), *ActionStatus.choices],
    )
    owner = forms.CharField(label=_("Responsible"), required=False, max_length=100)
    due_from = forms.DateField(label=_("Due from"), required=False)
    due_to = forms.DateField(label=_("Due until"), required=False)
