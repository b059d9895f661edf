"""Forms for validation only: the services decide what is allowed."""

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin
from partnerskap.registry.forms import DateInput

from .models import (
    STATUS_FIELDS,
    Health,
    MilestoneKind,
    Phase,
    PilotModel,
    RiskStatus,
    StatusRow,
)

_MULTI = {"required": False, "widget": forms.CheckboxSelectMultiple}


class ProjectForm(AkselFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    county = forms.ModelChoiceField(label=_("County"), queryset=None)
    starts_on = forms.DateField(label=_("Starts"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends"), widget=DateInput())
    phase = forms.ChoiceField(label=_("Phase"), choices=Phase.choices)
    mandate = forms.CharField(label=_("Mandate"), widget=forms.Textarea, required=False)
    goals = forms.CharField(label=_("Goals"), widget=forms.Textarea, required=False)
    leader = forms.ModelChoiceField(label=_("Project leader"), queryset=None, required=False)
    owners = forms.ModelMultipleChoiceField(label=_("Project owners"), queryset=None, **_MULTI)
    steering_group = forms.ModelChoiceField(
        label=_("Steering group"), queryset=None, required=False
    )
    project_group = forms.ModelChoiceField(label=_("Project group"), queryset=None, required=False)
    partnerships = forms.ModelMultipleChoiceField(label=_("Partnerships"), queryset=None, **_MULTI)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities"), queryset=None, **_MULTI
    )
    budgets = forms.ModelMultipleChoiceField(label=_("Budgets"), queryset=None, **_MULTI)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, data=None, *, choices: dict[str, QuerySet], **kwargs) -> None:
        super().__init__(data, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset

    def project_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("revision", None)
        return data


class PilotForm(AkselFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    model = forms.ChoiceField(label=_("Model"), choices=PilotModel.choices)
    goals = forms.CharField(label=_("Goals"), widget=forms.Textarea, required=False)
    partnerships = forms.ModelMultipleChoiceField(label=_("Partnerships"), queryset=None, **_MULTI)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities"), queryset=None, **_MULTI
    )
    local_group = forms.ModelChoiceField(
        label=_("Local project group"), queryset=None, required=False
    )
    local_leader = forms.ModelChoiceField(label=_("Local leader"), queryset=None, required=False)

    def __init__(self, data=None, *, choices: dict[str, QuerySet], **kwargs) -> None:
        super().__init__(data, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset


class StatusRowForm(AkselFormMixin, forms.Form):
    label = forms.CharField(label=_("Row (for example the service area)"), max_length=200)
    service_area = forms.ModelChoiceField(label=_("Service area"), queryset=None, required=False)

    def __init__(self, data=None, *, service_areas: QuerySet, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.fields["service_area"].queryset = service_areas


class StatusForm(AkselFormMixin, forms.Form):
    """One reporting date and every row's fields, prefilled with its last entry."""

    reported_on = forms.DateField(label=_("Reporting date"), widget=DateInput())

    def __init__(self, data=None, *, lines: list, **kwargs) -> None:
        initial = {"reported_on": timezone.localdate()}
        for line in lines:
            for name in STATUS_FIELDS:
                if line.entry is not None:
                    initial[f"{name}_{line.row.pk}"] = getattr(line.entry, name)
        super().__init__(data, initial=initial, **kwargs)
        self.rows: list[tuple[StatusRow, list]] = []
        for line in lines:
            self._add_row_fields(line.row)

    def _add_row_fields(self, row: StatusRow) -> None:
        pk = row.pk
        label = row.label
        self.fields[f"health_{pk}"] = forms.ChoiceField(
            label=_("Health of %(row)s") % {"row": label},
            choices=Health.choices,
            initial=Health.NOT_STARTED,
        )
        for name, text, widget in (
            ("status_text", _("Status of %(row)s"), forms.TextInput),
            ("progress", _("Progress of %(row)s"), forms.Textarea(attrs={"rows": 2})),
            ("activities", _("Activities of %(row)s"), forms.Textarea(attrs={"rows": 2})),
            ("next_steps", _("Next steps of %(row)s"), forms.Textarea(attrs={"rows": 2})),
            ("when_text", _("When, for %(row)s"), forms.TextInput),
        ):
            self.fields[f"{name}_{pk}"] = forms.CharField(
                label=text % {"row": label}, required=False, widget=widget
            )
        self.rows.append((row, [self[f"{name}_{pk}"] for name in STATUS_FIELDS]))

    def values(self) -> dict[int, dict[str, str]]:
        return {
            row.pk: {name: self.cleaned_data[f"{name}_{row.pk}"] for name in STATUS_FIELDS}
            for row, _fields in self.rows
        }


class MilestoneForm(AkselFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=MilestoneKind.choices)
    due_on = forms.DateField(label=_("Due"), widget=DateInput())
    pilot = forms.ModelChoiceField(label=_("Pilot"), queryset=None, required=False)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)

    def __init__(self, data=None, *, choices: dict[str, QuerySet], **kwargs) -> None:
        super().__init__(data, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset


class RiskForm(AkselFormMixin, forms.Form):
    title = forms.CharField(label=_("Risk"), max_length=300)
    pilot = forms.ModelChoiceField(
        label=_("Pilot"),
        queryset=None,
        required=False,
        help_text=_(
            "A pilot's risk is seen only by the people of that pilot and the project's managers."
        ),
    )
    probability = forms.TypedChoiceField(
        label=_("Probability (1–5)"), choices=[(i, i) for i in range(1, 6)], coerce=int
    )
    consequence = forms.TypedChoiceField(
        label=_("Consequence (1–5)"), choices=[(i, i) for i in range(1, 6)], coerce=int
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    measures = forms.CharField(label=_("Measures"), widget=forms.Textarea, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=RiskStatus.choices)

    def __init__(self, data=None, *, choices: dict[str, QuerySet], **kwargs) -> None:
        super().__init__(data, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset


class DecisionForm(AkselFormMixin, forms.Form):
    title = forms.CharField(label=_("Decision needed"), max_length=300)
    background = forms.CharField(label=_("Background"), widget=forms.Textarea, required=False)
    needed_by = forms.DateField(label=_("Needed by"), widget=DateInput(), required=False)


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return date_format(timezone.localtime(obj.starts_at), "SHORT_DATE_FORMAT")


class RaiseForm(AkselFormMixin, forms.Form):
    meeting = MeetingChoiceField(label=_("Steering-group meeting"), queryset=None)

    def __init__(self, data=None, *, meetings: QuerySet, **kwargs) -> None:
        super().__init__(data, **kwargs)
        # The next meeting is chosen already: raising a decision is one click.
        field = self.fields["meeting"]
        field.queryset = meetings
        field.empty_label = None
        field.initial = meetings.first()


class ItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        day = date_format(timezone.localtime(obj.meeting.starts_at), "SHORT_DATE_FORMAT")
        return f"{day}: {obj.label} {obj.title}"


class AttachForm(AkselFormMixin, forms.Form):
    item = ItemChoiceField(label=_("Agenda item"), queryset=None)

    def __init__(self, data=None, *, items: QuerySet, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.fields["item"].queryset = items


class CommunicationForm(AkselFormMixin, forms.Form):
    audience = forms.CharField(label=_("Target group"), max_length=200)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea, required=False)
    channel = forms.CharField(label=_("Channel"), max_length=200)
    responsible = forms.CharField(label=_("Responsible"), max_length=200, required=False)
    planned_on = forms.DateField(label=_("Date"), widget=DateInput(), required=False)
    done = forms.BooleanField(label=_("Done"), required=False)


class MilestoneDoneForm(AkselFormMixin, forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DateInput())

    def __init__(self, data=None, **kwargs) -> None:
        super().__init__(data, initial={"done_on": timezone.localdate()}, **kwargs)
