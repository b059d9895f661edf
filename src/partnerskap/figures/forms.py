"""Forms for the figures pages: validation of input only; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin

from . import catalogue
from .models import Comparison, Indicator, Level, SectionKind


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Indicator) -> str:
        return catalogue.label(obj)


class UploadForm(AkselFormMixin, forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "CSV or Excel (XLSX) with the column names in the first row, or JSON-stat 2.0 "
            "from Statistics Norway."
        ),
    )
    period = forms.CharField(
        label=_("Period"),
        max_length=40,
        required=False,
        help_text=_(
            "The period the table covers, e.g. 2018-11, 2020-W10, 2018-T3 or 2018. Not needed "
            "when each row or cell names its period."
        ),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=200,
        initial="Datavarehuset, Arbeids- og velferdsdirektoratet",
    )
    extracted_on = forms.DateField(label=_("Extracted on"), widget=DateInput())


class ManualForm(AkselFormMixin, forms.Form):
    indicator = IndicatorChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.filter(numerator__isnull=True)
    )
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    period = forms.CharField(label=_("Period"), max_length=40, help_text=_("For example 2020-W10."))
    value = forms.DecimalField(label=_("Value"), max_digits=18, decimal_places=2)
    source = forms.CharField(label=_("Source"), max_length=200)
    extracted_on = forms.DateField(label=_("Extracted on"), widget=DateInput())


class ReportForm(AkselFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, items=None, sections=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if items is not None:
            self.fields["item"] = forms.ModelChoiceField(
                label=_("Agenda item"),
                queryset=items,
                required=False,
                help_text=_("The report goes out as an attachment to this item with the notice."),
            )
        for section in sections or []:
            self.fields[f"text_{section.kind}"] = forms.CharField(
                label=SectionKind(section.kind).label,
                widget=forms.Textarea(attrs={"rows": 4}),
                required=False,
                initial=section.text,
            )
        # AkselFormMixin styled the fields that existed before; style the ones added here.
        for field in self.fields.values():
            widget = field.widget
            if "class" not in widget.attrs:
                css = (
                    "aksel-textarea__input aksel-body-long"
                    if isinstance(widget, forms.Textarea)
                    else "aksel-select__input aksel-body-short"
                )
                widget.attrs["class"] = css

    def texts(self) -> dict[str, str]:
        return {
            name.removeprefix("text_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("text_")
        }


class BlockForm(AkselFormMixin, forms.Form):
    section = forms.ChoiceField(label=_("Section"), choices=SectionKind.choices)
    indicator = IndicatorChoiceField(label=_("Indicator"), queryset=Indicator.objects.all())
    period = forms.CharField(label=_("Period"), max_length=40, help_text=_("For example 2020-W18."))
    comparison = forms.ChoiceField(
        label=_("Compare with"), choices=Comparison.choices, initial=Comparison.NONE
    )
    compare_period = forms.CharField(
        label=_("Earlier period"),
        max_length=40,
        required=False,
        help_text=_("Only when comparing with an earlier period, e.g. 2020-W10."),
    )
    chart = forms.BooleanField(label=_("Show a chart"), required=False)


class PeriodsForm(forms.Form):
    """The GET parameters of the comparison and county pages."""

    periode = forms.CharField(required=False)
    fra = forms.CharField(required=False)
    til = forms.CharField(required=False)
