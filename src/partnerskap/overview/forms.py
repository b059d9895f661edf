"""The filters of the county overview and the registers: plain GET forms, validation only."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerskap.agreements.models import AgreementStatus

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
