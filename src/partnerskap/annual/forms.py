"""The council report's text form: one text per section, the due date and the revision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin

from .report import section_keys
from .services import MAX_TEXT

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportForm(AkselFormMixin, forms.Form):
    due = forms.DateField(
        label=_("Due"), widget=DATE, help_text=_("When the report is to go to the council.")
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for key, heading in section_keys():
            self.fields[key] = forms.CharField(
                label=heading,
                required=False,
                max_length=MAX_TEXT,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.order_fields(["due", *(key for key, _heading in section_keys())])

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        return {
            "due": data.pop("due"),
            "revision": data.pop("revision"),
            "texts": {key: data.get(key, "") for key, _heading in section_keys()},
        }
