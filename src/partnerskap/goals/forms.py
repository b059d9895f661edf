"""Forms for the goals pages: validation of input only; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin
from partnerskap.figures import catalogue
from partnerskap.figures.models import Indicator

from .models import Direction, Owner, Source


class GoalForm(AkselFormMixin, forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    source = forms.ChoiceField(
        label=_("Where the goal comes from"), choices=Source.choices, initial=Source.PARTNERSHIP
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class NewGoalForm(GoalForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    field_order = ["year", "title", "description", "source"]


class SeriesChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Indicator) -> str:
        return catalogue.label(obj)


class IndicatorForm(AkselFormMixin, forms.Form):
    series = SeriesChoiceField(
        label=_("Key figure"),
        queryset=Indicator.objects.filter(numerator__isnull=True),
        required=False,
        help_text=_("Its values come from the figure imports. Leave empty for a measure you "
                    "enter by hand."),
    )  # fmt: skip
    name = forms.CharField(label=_("Measure entered by hand"), max_length=200, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=18, decimal_places=2)
    baseline_period = forms.CharField(
        label=_("Baseline period"),
        max_length=40,
        required=False,
        help_text=_("For example 2020-W10, 2026-T1 or 2025."),
    )


class PeriodValueForm(AkselFormMixin, forms.Form):
    period_text = forms.CharField(
        label=_("Period"), max_length=40, help_text=_("For example 2026, 2026-T2 or 2026-W18.")
    )
    value = forms.DecimalField(label=_("Value"), max_digits=18, decimal_places=2)
    comment = forms.CharField(label=_("Comment"), max_length=300, required=False)


class TargetForm(PeriodValueForm):
    value = forms.DecimalField(label=_("Target"), max_digits=18, decimal_places=2)


class SignalForm(AkselFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    owner = forms.ChoiceField(label=_("Owner"), choices=Owner.choices)
    title = forms.CharField(label=_("Steering signal"), max_length=200)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea, required=False)
    document = forms.CharField(
        label=_("From"),
        max_length=200,
        required=False,
        help_text=_("E.g. the letter of allocation 2026."),
    )
    pulls_against = forms.ModelChoiceField(
        label=_("Pulls apart from"), queryset=None, required=False
    )
    conflict_note = forms.CharField(label=_("How they pull apart"), max_length=300, required=False)

    def __init__(self, *args, signals=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pulls_against"].queryset = signals


class AttachForm(AkselFormMixin, forms.Form):
    item = forms.ModelChoiceField(
        label=_("Agenda item"),
        queryset=None,
        help_text=_("The goals table goes out as an attachment to this item with the notice."),
    )

    def __init__(self, *args, items=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
