"""Forms for the finance pages; the services check the numbers and name the field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin

from .models import AgreementPeriod, Budget, OperatingAgreement, OwnerChoice

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RevisionMixin(forms.Form):
    """The revision the person read: a stale one makes the service refuse (409)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AgreementForm(AkselFormMixin, forms.ModelForm):
    class Meta:
        model = OperatingAgreement
        fields = ["title", "leader_key", "host_key", "invoice_frequency", "payment_days", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class AgreementEditForm(AgreementForm, RevisionMixin):
    pass


class NumberInput(forms.TextInput):
    """Numbers as text, so that "9,3" and "1 000 000" work and anything else gets a message."""

    input_type = "text"

    def __init__(self) -> None:
        super().__init__(attrs={"inputmode": "decimal", "autocomplete": "off"})


class PeriodForm(AkselFormMixin, forms.ModelForm):
    """The FTEs and costs of a period; numbers are checked by the service (names the field)."""

    state_fte = forms.CharField(label=_("State FTEs"), widget=NumberInput())
    municipal_fte = forms.CharField(label=_("Municipal FTEs"), widget=NumberInput())
    leader_fte = forms.CharField(
        label=_("The leader's position (FTE)"), widget=NumberInput(), initial="1"
    )
    rent = forms.CharField(label=_("Rent (NOK)"), widget=NumberInput(), initial="0")
    ict = forms.CharField(label=_("ICT (NOK)"), widget=NumberInput(), initial="0")
    other_costs = forms.CharField(
        label=_("Other shared costs (NOK)"), widget=NumberInput(), initial="0"
    )

    class Meta:
        model = AgreementPeriod
        fields = ["label", "starts", "ends", "leader_employer"]
        widgets = {"starts": DATE, "ends": DATE}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state_fte"].help_text = AgreementPeriod._meta.get_field("state_fte").help_text
        self.fields["municipal_fte"].help_text = AgreementPeriod._meta.get_field(
            "municipal_fte"
        ).help_text
        if self.instance.pk:
            for name in ("state_fte", "municipal_fte", "leader_fte", "rent", "ict", "other_costs"):
                value = getattr(self.instance, name)
                self.initial[name] = f"{value.normalize():f}".replace(".", ",")


class PeriodEditForm(PeriodForm, RevisionMixin):
    pass


class MemberWeightsForm(AkselFormMixin, RevisionMixin):
    """One FTE field and one percentage field per member municipality."""

    def __init__(self, *args, municipalities, saved, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.municipalities = municipalities
        for municipality in municipalities:
            weight = saved.get(municipality.pk)
            for prefix, label, value in (
                ("fte", _("FTEs for %(name)s"), weight.fte if weight else 0),
                ("percentage", _("Percentage for %(name)s"), weight.percentage if weight else 0),
            ):
                name = f"{prefix}_{municipality.pk}"
                self.fields[name] = forms.CharField(
                    label=label % {"name": municipality.name}, widget=NumberInput(), required=False
                )
                self.initial[name] = f"{value.normalize():f}".replace(".", ",") if value else "0"

    def weights(self) -> dict[int, tuple[str, str]]:
        return {
            m.pk: (self.cleaned_data[f"fte_{m.pk}"], self.cleaned_data[f"percentage_{m.pk}"])
            for m in self.municipalities
        }


class SpecialServiceForm(AkselFormMixin, forms.Form):
    name = forms.CharField(label=_("Service"), max_length=150)
    amount = forms.CharField(label=_("Amount (NOK)"), widget=NumberInput())
    owner = forms.ChoiceField(label=_("Invoiced to"), choices=OwnerChoice.choices)


class BudgetForm(AkselFormMixin, forms.ModelForm):
    class Meta:
        model = Budget
        fields = ["name", "project", "year", "periods_elapsed"]


class BudgetEditForm(BudgetForm, RevisionMixin):
    pass


class BudgetUploadForm(AkselFormMixin, forms.Form):
    file = forms.FileField(
        required=False,  # checked in the view, so that a failed commit can show its errors here
        label=_("Report from the ERP system (CSV or XLSX)"),
        help_text=_(
            "The budget report with the columns Årets budsjett, HIÅ Budsjett, "
            "HIÅ Forbruk and Periodens forbruk."
        ),
    )
