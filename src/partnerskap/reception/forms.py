"""Forms of the reception pages: validation and widgets only; the services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin
from partnerskap.registry.models import Weekday

from .models import ChangeKind, CountedTotals, Location, Scenario
from .services import Interval

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class LocationForm(AkselFormMixin, forms.ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Location
        fields = ["name", "kind", "address", "staff_on_duty", "travelling_staff", "travel_hours"]

    def location_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class HoursForm(AkselFormMixin, forms.Form):
    """Up to two walk-in intervals per weekday (say 10–12 and 13–15); leave a day empty when the
    location is closed. Field names: opens_<weekday>_<1|2>, closes_<weekday>_<1|2>."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    SLOTS = (1, 2)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        labels = {
            (1, "opens"): _("%(day)s opens"),
            (1, "closes"): _("%(day)s closes"),
            (2, "opens"): _("%(day)s opens again"),
            (2, "closes"): _("%(day)s closes again"),
        }
        for day in Weekday:
            for slot in self.SLOTS:
                for edge in ("opens", "closes"):
                    self.fields[f"{edge}_{day.value}_{slot}"] = forms.TimeField(
                        label=labels[(slot, edge)] % {"day": day.label},
                        required=False,
                        widget=forms.TimeInput(
                            # added after the mixin gave the other fields their class
                            attrs={"type": "time", "class": "aksel-text-field__input"},
                            format="%H:%M",
                        ),
                    )

    @staticmethod
    def weekday_choices() -> list[tuple[int, str]]:
        return [(day.value, str(day.label)) for day in Weekday]

    @staticmethod
    def initial_for(location: Location) -> dict:
        initial: dict[str, object] = {"revision": location.revision}
        seen: dict[int, int] = {}
        for interval in location.hours.all():
            slot = seen[interval.weekday] = seen.get(interval.weekday, 0) + 1
            initial[f"opens_{interval.weekday}_{slot}"] = interval.opens
            initial[f"closes_{interval.weekday}_{slot}"] = interval.closes
        return initial

    @staticmethod
    def fits(location: Location) -> bool:
        """Whether the form can show every interval (at most two a weekday)."""
        days = [interval.weekday for interval in location.hours.all()]
        return all(days.count(day) <= 2 for day in set(days))

    def clean(self) -> dict:
        data = super().clean()
        for day in Weekday:
            for slot in self.SLOTS:
                opens = data.get(f"opens_{day.value}_{slot}")
                closes = data.get(f"closes_{day.value}_{slot}")
                if (opens is None) != (closes is None):
                    missing = "closes" if closes is None else "opens"
                    self.add_error(
                        f"{missing}_{day.value}_{slot}",
                        _("Give both when it opens and when it closes, or neither."),
                    )
                elif opens is not None and closes <= opens:
                    self.add_error(
                        f"closes_{day.value}_{slot}",
                        _("The closing time must be after the opening time."),
                    )
        return data

    def intervals(self) -> list[Interval]:
        data = self.cleaned_data
        return [
            Interval(
                day.value, data[f"opens_{day.value}_{slot}"], data[f"closes_{day.value}_{slot}"]
            )
            for day in Weekday
            for slot in self.SLOTS
            if data.get(f"opens_{day.value}_{slot}") is not None
        ]


class VisitForm(AkselFormMixin, forms.Form):
    """A visit at another time than now: for registering after the fact."""

    day = forms.DateField(label=_("Date"), widget=DATE)
    arrival = forms.TimeField(label=_("Time of arrival"), widget=TIME)
    minutes = forms.IntegerField(label=_("Minutes spent"), min_value=0, max_value=24 * 60)
    keep_outside_hours = forms.BooleanField(
        label=_("Keep the visit outside walk-in hours"), required=False
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["minutes"].error_messages["min_value"] = _("Minutes cannot be negative.")
        # A plain, large checkbox (reception.css): Aksel's class expects its own label markup.
        self.fields["keep_outside_hours"].widget.attrs["class"] = "counter-keep"


class TapForm(forms.Form):
    """One tap on the counter page: how long the visit that just ended took."""

    minutes = forms.IntegerField(min_value=0, max_value=24 * 60)
    keep_outside_hours = forms.BooleanField(required=False)


class TotalsForm(AkselFormMixin, forms.ModelForm):
    class Meta:
        model = CountedTotals
        fields = [
            "first_day",
            "last_day",
            "days_observed",
            "visits",
            "minutes_with_visitors",
            "opening_hours",
            "note",
        ]
        widgets = {"first_day": DATE, "last_day": DATE}


class ImportForm(AkselFormMixin, forms.Form):
    file = forms.FileField(
        label=_("File of visits (CSV or Excel)"),
        help_text=_(
            "The first row names the columns dato, sted, ankomst and minutter. One visit a row, "
            "for example 2020-01-13; Rissa; 11:05; 6."
        ),
    )


class ConfirmImportForm(AkselFormMixin, forms.Form):
    keep_outside_hours = forms.BooleanField(
        label=_("Keep the visits outside walk-in hours (they are counted separately)"),
        required=False,
    )


class AnalysisForm(AkselFormMixin, forms.Form):
    first_day = forms.DateField(label=_("From"), widget=DATE)
    last_day = forms.DateField(label=_("To"), widget=DATE)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("first_day") and data.get("last_day") and data["last_day"] < data["first_day"]:
            self.add_error("last_day", _("The last day must not be before the first day."))
        return data


class ScenarioForm(AkselFormMixin, forms.ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Scenario
        fields = ["name", "first_day", "last_day", "open_weeks"]
        widgets = {"first_day": DATE, "last_day": DATE}
        help_texts = {
            "first_day": _("The visits of this period are the basis for the scenario."),
            "open_weeks": _("Over how many weeks a year the locations are open, for example 30."),
        }

    def scenario_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ChangeForm(AkselFormMixin, forms.Form):
    location = forms.ModelChoiceField(queryset=Location.objects.none(), label=_("Location"))
    kind = forms.ChoiceField(choices=ChangeKind.choices, label=_("Change"))
    from_time = forms.TimeField(
        label=_("From"),
        required=False,
        widget=TIME,
        help_text=_("For “open only between” and “close between”."),
    )
    to_time = forms.TimeField(label=_("To"), required=False, widget=TIME)
    weekdays = forms.TypedMultipleChoiceField(
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Weekdays"),
        help_text=_("The days to close, or the days the times apply to (none: every open day)."),
    )
    percent_to_other_location = forms.IntegerField(
        label=_("Share of visits moved to another location (%)"),
        min_value=0,
        max_value=100,
        initial=0,
    )
    other_location = forms.ModelChoiceField(
        queryset=Location.objects.none(), label=_("Moved to"), required=False
    )
    percent_to_appointments = forms.IntegerField(
        label=_("Share of visits that become appointments (%)"),
        min_value=0,
        max_value=100,
        initial=0,
    )
    minutes_per_appointment = forms.IntegerField(
        label=_("Minutes per appointment"),
        min_value=0,
        max_value=600,
        required=False,
        help_text=_("Empty: today's average minutes per visit."),
    )

    def __init__(self, *args: object, locations, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["other_location"].queryset = locations


class AttachForm(AkselFormMixin, forms.Form):
    item = forms.ModelChoiceField(
        queryset=None,
        label=_("Agenda item"),
        help_text=_("Items of meetings you run whose agenda is still open."),
    )
    title = forms.CharField(label=_("Title of the attachment"), max_length=200)

    def __init__(self, *args: object, items, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        self.fields["item"].label_from_instance = lambda item: (
            f"{item.meeting.body.name}, {item.meeting.starts_at:%d.%m.%Y}: {item.title}"
        )
