"""Forms validate input only; the services own the rules."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin
from partnerskap.core.models import RoleKind, User

from .models import (
    County,
    Municipality,
    Office,
    Partnership,
    PartnershipModel,
    ServiceArea,
    Weekday,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%H:%M")


VALIDITY_WIDGETS = {"valid_from": DateInput(), "valid_to": DateInput()}


class CountyForm(AkselFormMixin, forms.ModelForm):
    class Meta:
        model = County
        fields = ["number", "name", "valid_from", "valid_to"]
        widgets = VALIDITY_WIDGETS


class ServiceAreaForm(AkselFormMixin, forms.ModelForm):
    class Meta:
        model = ServiceArea
        fields = ["county", "name", "valid_from", "valid_to"]
        widgets = VALIDITY_WIDGETS


class MunicipalityForm(AkselFormMixin, forms.ModelForm):
    class Meta:
        model = Municipality
        fields = ["number", "name", "county", "population", "valid_from", "valid_to", "replaced_by"]
        widgets = VALIDITY_WIDGETS


class OfficeForm(AkselFormMixin, forms.ModelForm):
    def __init__(self, *args: object, offices: QuerySet[Office], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["replaced_by"].queryset = offices

    class Meta:
        model = Office
        fields = [
            "unit_number",
            "name",
            "county",
            "service_area",
            "visiting_address",
            "postal_address",
            "phone",
            "valid_from",
            "valid_to",
            "replaced_by",
        ]
        widgets = VALIDITY_WIDGETS


class PartnershipForm(AkselFormMixin, forms.ModelForm):
    state_county = forms.ModelChoiceField(
        label=_("State owner (NAV county)"),
        queryset=County.objects.order_by("number"),
        required=False,
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Owner municipalities"),
        queryset=Municipality.objects.order_by("number", "valid_from"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    host_municipality = forms.ModelChoiceField(
        label=_("Host municipality"),
        help_text=_("Only for the host-municipality model."),
        queryset=Municipality.objects.order_by("number", "valid_from"),
        required=False,
    )

    class Meta:
        model = Partnership
        fields = [
            "name",
            "office",
            "model",
            "leader_employer",
            "description",
            "valid_from",
            "valid_to",
        ]
        widgets = {**VALIDITY_WIDGETS, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: object, offices: QuerySet[Office], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices
        self.fields["model"].choices = PartnershipModel.choices
        if self.instance.pk:
            owners = list(self.instance.owners.all())
            self.initial.setdefault(
                "state_county", next((o.county_id for o in owners if o.county_id), None)
            )
            self.initial.setdefault(
                "municipalities", [o.municipality_id for o in owners if o.municipality_id]
            )
            self.initial.setdefault(
                "host_municipality", next((o.municipality_id for o in owners if o.is_host), None)
            )

    def owner_fields(self) -> dict:
        return {
            "state_county": self.cleaned_data.get("state_county"),
            "municipalities": list(self.cleaned_data.get("municipalities") or []),
            "host_municipality": self.cleaned_data.get("host_municipality"),
        }

    def model_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class OpeningHoursForm(AkselFormMixin, forms.Form):
    """One row per weekday; an empty row means closed that day."""

    def __init__(self, *args: object, office: Office, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        current = {oh.weekday: oh for oh in office.opening_hours.all()}
        for day in Weekday:
            row = current.get(day.value)
            self.fields[f"opens_{day.value}"] = forms.TimeField(
                label=_("%(day)s opens") % {"day": day.label},
                required=False,
                widget=TimeInput(),
                initial=row.opens if row else None,
            )
            self.fields[f"closes_{day.value}"] = forms.TimeField(
                label=_("%(day)s closes") % {"day": day.label},
                required=False,
                widget=TimeInput(),
                initial=row.closes if row else None,
            )
            self.fields[f"note_{day.value}"] = forms.CharField(
                label=_("%(day)s note") % {"day": day.label},
                required=False,
                max_length=200,
                initial=row.note if row else "",
            )

    def clean(self) -> dict:
        data = super().clean()
        for day in Weekday:
            opens, closes = data.get(f"opens_{day.value}"), data.get(f"closes_{day.value}")
            if (opens is None) != (closes is None):
                self.add_error(
                    f"closes_{day.value}" if closes is None else f"opens_{day.value}",
                    _("Give both opening and closing time, or leave both empty for closed."),
                )
            elif opens and closes and closes <= opens:
                self.add_error(f"closes_{day.value}", _("Closing time must be after opening time."))
        return data

    def day_rows(self) -> list[dict]:
        return [
            {
                "day": day,
                "opens": self[f"opens_{day.value}"],
                "closes": self[f"closes_{day.value}"],
                "note": self[f"note_{day.value}"],
            }
            for day in Weekday
        ]

    def hours(self) -> list:
        from .services import DayHours

        rows = []
        for day in Weekday:
            opens = self.cleaned_data.get(f"opens_{day.value}")
            closes = self.cleaned_data.get(f"closes_{day.value}")
            if opens and closes:
                note = self.cleaned_data.get(f"note_{day.value}", "")
                rows.append(DayHours(day.value, opens, closes, note))
        return rows


class RoleForm(AkselFormMixin, forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.filter(is_active=True))
    kind = forms.ChoiceField(label=_("Role"), choices=RoleKind.choices)
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput())
    valid_to = forms.DateField(label=_("Valid to"), widget=DateInput(), required=False)
