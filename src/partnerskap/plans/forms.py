"""The forms of the plans pages: validation only; the services hold the rules."""

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin
from partnerskap.core.models import User
from partnerskap.goals.models import Goal
from partnerskap.meetings.forms.people import PersonOrNewMixin
from partnerskap.registry.forms import DateInput

from .models import ApprovalSide, PlanKind


def _next_year() -> int:
    return timezone.localdate().year + 1


class RevisionForm(AkselFormMixin, forms.Form):
    """A step on the plan that says which revision of it the person saw."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PlanForm(AkselFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Plan"), choices=PlanKind.choices)
    year = forms.IntegerField(label=_("Year"), initial=_next_year)


class SectionForm(RevisionForm):
    heading = forms.CharField(label=_("Heading"), max_length=200)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea, required=False)


class MeasureForm(PersonOrNewMixin, RevisionForm):
    person_field = "owner"

    title = forms.CharField(label=_("Measure"), max_length=300)
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput())
    owner = forms.ModelChoiceField(label=_("Responsible"), queryset=User.objects.none())

    def __init__(self, data=None, *, people: QuerySet[User], **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.add_new_person_fields(people)


class GoalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} ({obj.year})"


class GoalsForm(RevisionForm):
    goals = GoalChoiceField(
        label=_("Goals the plan works towards"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The goals and results agreed for the partnership."),
    )

    def __init__(self, data=None, *, goals: QuerySet[Goal], **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.fields["goals"].queryset = goals  # type: ignore[attr-defined]


class ApproveForm(RevisionForm):
    side = forms.ChoiceField(label=_("I approve"), choices=ApprovalSide.choices)
    approved_as = forms.CharField(
        label=_("Approved as"),
        max_length=150,
        help_text=_("Your position, for example Mayor or County director."),
    )

    def __init__(self, data=None, *, sides: list[str], **kwargs) -> None:
        super().__init__(data, **kwargs)
        if sides:
            field = self.fields["side"]
            field.choices = [c for c in ApprovalSide.choices if c[0] in sides]  # type: ignore[attr-defined]


class ReviseForm(RevisionForm):
    reason = forms.CharField(
        label=_("Why the plan is changed"),
        widget=forms.Textarea,
        help_text=_("The reason is shown with the new version beside the approved ones."),
    )


class EvaluationForm(AkselFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Year evaluated"))
    held_on = forms.DateField(label=_("Held on"), widget=DateInput())
    participants = forms.CharField(label=_("Who took part"), widget=forms.Textarea, required=False)
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea)
    follow_up = forms.CharField(label=_("What we will do"), widget=forms.Textarea, required=False)

    def __init__(self, data=None, **kwargs) -> None:
        kwargs.setdefault("initial", {"year": timezone.localdate().year})
        super().__init__(data, **kwargs)
