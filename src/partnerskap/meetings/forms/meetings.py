"""Forms for bodies, meetings and minutes: they validate input only; the services own the rules."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partnerskap.core.forms import AkselFormMixin
from partnerskap.core.models import User
from partnerskap.registry.forms import DateInput, TimeInput
from partnerskap.registry.models import County, Partnership

from ..models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    BodyKind,
    ItemKind,
    Meeting,
    MemberRole,
    Season,
)
from ..selectors import member_candidates
from ..services import StandardItem, fridays
from ..standard import PARTNERSHIP_MEETING_AGENDA
from .answers import answer_help
from .people import PersonOrNewMixin

# --- bodies ---------------------------------------------------------------------------------


class BodyForm(AkselFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of body"), choices=BodyKind.choices)
    partnership = forms.ModelChoiceField(
        label=_("Partnership"), queryset=Partnership.objects.none(), required=False
    )
    county = forms.ModelChoiceField(
        label=_("Or a county"),
        queryset=County.objects.none(),
        required=False,
        help_text=_("For a county's steering group, forum or network."),
    )
    other_counties = forms.ModelMultipleChoiceField(
        label=_("Other counties it spans"),
        queryset=County.objects.none(),
        required=False,
        help_text=_("A network across county lines belongs to one county and spans the others."),
    )
    national = forms.BooleanField(label=_("Or the whole country"), required=False)
    slug = forms.SlugField(
        label=_("Address of the public page"),
        max_length=80,
        help_text=_("Lower-case letters, digits and hyphens, e.g. orland-partnerskapsmote."),
    )
    default_location = forms.CharField(label=_("Usual place"), max_length=200, required=False)
    standard_agenda = forms.CharField(
        label=_("Standard agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 9}),
        help_text=_(
            "One item per line, copied into every new meeting. Prefilled with the standard "
            "agenda for partnership meetings; change or clear it for other bodies."
        ),
    )

    def __init__(
        self,
        *args: object,
        partnerships: QuerySet[Partnership],
        counties: QuerySet[County],
        national: bool = False,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        self.fields["county"].queryset = counties
        self.fields["other_counties"].queryset = County.objects.order_by("name")
        if not counties.exists():
            del self.fields["county"], self.fields["other_counties"]
        if not national:
            del self.fields["national"]
        self.fields["kind"].initial = BodyKind.PARTNERSHIP_MEETING
        self.fields["standard_agenda"].initial = "\n".join(
            str(s.title) for s in PARTNERSHIP_MEETING_AGENDA
        )

    def standard_items(self) -> list[StandardItem]:
        """Lines taken from the partnership meeting's standard keep its kind and length."""
        known = {str(s.title): s for s in PARTNERSHIP_MEETING_AGENDA}
        lines = [line.strip() for line in self.cleaned_data["standard_agenda"].splitlines()]
        return [
            known.get(line) or StandardItem(line, ItemKind.DISCUSSION) for line in lines if line
        ]

    def clean(self) -> dict:
        data = super().clean() or {}
        owners = [data.get("partnership"), data.get("county"), data.get("national")]
        if sum(bool(owner) for owner in owners) != 1:
            raise forms.ValidationError(
                _("Choose one partnership, one county, or the whole country the body belongs to.")
            )
        return data

    def body_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "kind": data["kind"],
            "slug": data["slug"],
            "default_location": data["default_location"],
            "partnership": data.get("partnership"),
            "county": data.get("county"),
            "other_counties": list(data.get("other_counties") or ()),
            "national": bool(data.get("national")),
        }


class BodyMemberForm(PersonOrNewMixin, AkselFormMixin, forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)
    represents = forms.CharField(
        label=_("Represents"),
        max_length=200,
        required=False,
        help_text=_("Left empty: the person's organisation."),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput())
    valid_to = forms.DateField(label=_("Valid to"), widget=DateInput(), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.add_new_person_fields(member_candidates())
        self.order_fields(
            ["person", "person_new_name", "person_new_organisation", "person_new_job_title"]
        )
        self.fields["role"].initial = MemberRole.MEMBER
        self.fields["valid_from"].initial = timezone.localdate()


# --- meetings -------------------------------------------------------------------------------


def _aware(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=timezone.get_current_timezone())


class MeetingScheduleForm(AkselFormMixin, forms.Form):
    day = forms.DateField(label=_("Date"), widget=DateInput())
    start = forms.TimeField(label=_("Starts"), widget=TimeInput(), initial=time(11, 0))
    end = forms.TimeField(label=_("Ends"), widget=TimeInput(), initial=time(14, 30))
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")
    chair = forms.ModelChoiceField(label=_("Chair"), queryset=User.objects.none(), required=False)
    minute_taker = forms.ModelChoiceField(
        label=_("Minute-taker"), queryset=User.objects.none(), required=False
    )
    lunch_at = forms.TimeField(
        label=_("Lunch break at"), widget=TimeInput(), initial=time(12, 0), required=False
    )
    lunch_minutes = forms.IntegerField(
        label=_("Length of the lunch break in minutes"),
        min_value=0,
        max_value=120,
        initial=30,
        required=False,
        help_text=_("0 or empty for no break."),
    )

    def __init__(
        self, *args: object, people: QuerySet[User], location: str = "", **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = people
        self.fields["minute_taker"].queryset = people
        self.fields["location"].initial = location

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The meeting must end after it starts."))
        return data

    def meeting_fields(self) -> dict:
        data = self.cleaned_data
        breaks = []
        if data.get("lunch_at") and data.get("lunch_minutes"):
            breaks = [{"at": data["lunch_at"].strftime("%H:%M"), "minutes": data["lunch_minutes"]}]
        return {
            "starts_at": _aware(data["day"], data["start"]),
            "ends_at": _aware(data["day"], data["end"]),
            "title": data["title"],
            "location": data["location"],
            "video_link": data["video_link"],
            "chair": data["chair"],
            "minute_taker": data["minute_taker"],
            "breaks": breaks,
        }


class MeetingEditForm(MeetingScheduleForm):
    """Time, place and people of a planned meeting. `revision` is what the editor last saw, so
    two people changing the meeting at once cannot overwrite each other."""

    revision = forms.IntegerField(widget=forms.HiddenInput)

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict:
        starts = timezone.localtime(meeting.starts_at)
        lunch = (meeting.breaks or [{}])[0]
        return {
            "day": starts.date(),
            "start": starts.time(),
            "end": timezone.localtime(meeting.ends_at).time(),
            "title": meeting.title,
            "location": meeting.location,
            "video_link": meeting.video_link,
            "chair": meeting.chair_id,
            "minute_taker": meeting.minute_taker_id,
            "lunch_at": lunch.get("at"),
            "lunch_minutes": lunch.get("minutes", 0),
            "revision": meeting.revision,
        }


SEASON_THEMES = {
    Season.WINTER: pgettext_lazy("season theme", "Plan"),
    Season.SPRING: pgettext_lazy("season theme", "Conference"),
    Season.SUMMER: pgettext_lazy("season theme", "Evaluate"),
    Season.AUTUMN: pgettext_lazy("season theme", "Develop and run"),
}


class AnnualPlanForm(AkselFormMixin, forms.Form):
    """A year of meetings: up to four chosen dates, or the n-th Friday of chosen months."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    date_1 = forms.DateField(label=_("First date"), widget=DateInput(), required=False)
    date_2 = forms.DateField(label=_("Second date"), widget=DateInput(), required=False)
    date_3 = forms.DateField(label=_("Third date"), widget=DateInput(), required=False)
    date_4 = forms.DateField(label=_("Fourth date"), widget=DateInput(), required=False)
    months = forms.TypedMultipleChoiceField(
        label=_("Or: months with a meeting"),
        choices=list(MONTHS.items()),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Used when no dates are given above."),
    )
    week_of_month = forms.TypedChoiceField(
        label=_("Which Friday of the month"),
        coerce=int,
        initial=2,
        choices=[(1, _("First")), (2, _("Second")), (3, _("Third")), (4, _("Fourth"))],
    )
    start = forms.TimeField(label=_("Starts"), widget=TimeInput(), initial=time(11, 0))
    end = forms.TimeField(label=_("Ends"), widget=TimeInput(), initial=time(14, 30))
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    theme_winter = forms.CharField(label=_("Theme in winter"), max_length=200, required=False)
    theme_spring = forms.CharField(label=_("Theme in spring"), max_length=200, required=False)
    theme_summer = forms.CharField(label=_("Theme in summer"), max_length=200, required=False)
    theme_autumn = forms.CharField(label=_("Theme in autumn"), max_length=200, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year + 1
        self.fields["months"].initial = [2, 5, 9, 11]
        for season, theme in SEASON_THEMES.items():
            self.fields[f"theme_{season}"].initial = theme

    def clean(self) -> dict:
        data = super().clean()
        chosen = [data[f"date_{n}"] for n in range(1, 5) if data.get(f"date_{n}")]
        if not chosen and data.get("months") and data.get("year"):
            chosen = fridays(data["year"], data["months"], data.get("week_of_month") or 2)
        if not chosen:
            raise forms.ValidationError(_("Give at least one date, or choose months."))
        data["dates"] = sorted(set(chosen))
        return data

    def plan_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "year": data["year"],
            "dates": data["dates"],
            "start": data["start"],
            "end": data["end"],
            "location": data["location"],
            "themes": {season.value: data[f"theme_{season.value}"] for season in Season},
        }


ATTENDED = [
    (AttendanceStatus.PRESENT, AttendanceStatus.PRESENT.label),
    (AttendanceStatus.ABSENT_WITH_NOTICE, AttendanceStatus.ABSENT_WITH_NOTICE.label),
    (AttendanceStatus.ABSENT, AttendanceStatus.ABSENT.label),
]


class AttendanceForm(AkselFormMixin, forms.Form):
    """One choice per invited person, and guests as free-text lines."""

    guests = forms.CharField(
        label=_("Guests"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One guest a line, e.g. “Kari Nordmann, Ørland kommune”."),
    )

    def __init__(self, *args: object, attendances: list[Attendance], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.invited = [a for a in attendances if a.status != AttendanceStatus.GUEST]
        known = {value for value, _label in ATTENDED}
        for attendance in self.invited:
            label = attendance.name
            if attendance.represents:
                label = f"{attendance.name} ({attendance.represents})"
            self.fields[f"status_{attendance.pk}"] = forms.ChoiceField(
                label=label,
                choices=ATTENDED,
                initial=attendance.status
                if attendance.status in known
                else AttendanceStatus.PRESENT,
                help_text=answer_help(attendance),
            )
        self.order_fields([f"status_{a.pk}" for a in self.invited] + ["guests"])

    def statuses(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"status_{a.pk}"] for a in self.invited}

    def guest_names(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["guests"].splitlines() if line.strip()]


class ConfirmForm(AkselFormMixin, forms.Form):
    """A button that needs no input: sending the notice, marking the meeting held, approving."""


class ApproveForm(AkselFormMixin, forms.Form):
    """Approving freezes the minutes. Before the comment deadline it closes the comment period,
    which the person confirms; publishing is named as its own step (docs/decisions/0076)."""

    before_deadline = forms.BooleanField(required=True)
    publish = forms.BooleanField(
        required=False, label=_("Publish the minutes on the public page too")
    )

    def __init__(self, *args: object, meeting: Meeting, open_until: date | None, **kwargs: object):
        kwargs.setdefault("initial", {"publish": meeting.body.publish_on_approval})
        super().__init__(*args, **kwargs)
        if open_until is None:
            del self.fields["before_deadline"]
        else:
            self.fields["before_deadline"].label = _(
                "Approve before the comment deadline %(date)s and close the comment period"
            ) % {"date": open_until.strftime("%d.%m.%Y")}
            self.fields["before_deadline"].error_messages["required"] = _(
                "The comment period runs until %(date)s. "
                "Tick the box to approve before the deadline."
            ) % {"date": open_until.strftime("%d.%m.%Y")}


class CancelForm(AkselFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why is the meeting cancelled?"), max_length=300)


class SendForCommentsForm(AkselFormMixin, forms.Form):
    deadline = forms.DateField(
        label=_("Deadline for comments"),
        widget=DateInput(),
        help_text=_("With no objection by this date, the minutes count as approved."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deadline"].initial = timezone.localdate() + timedelta(days=14)


class CommentForm(AkselFormMixin, forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))
    is_objection = forms.BooleanField(
        label=_("I object to approving the minutes as they are"), required=False
    )


class MinutesIntroductionForm(AkselFormMixin, forms.Form):
    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    revision = forms.IntegerField(widget=forms.HiddenInput)


class CorrectionForm(AkselFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason for the correction"), max_length=500)
    item = forms.ModelChoiceField(
        label=_("Item to correct"), queryset=AgendaItem.objects.none(), required=False
    )
    decision_text = forms.CharField(
        label=_("Corrected decision"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    notes = forms.CharField(
        label=_("Corrected notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: object, meeting: Meeting, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.order_by("position")
        self.fields["item"].label_from_instance = lambda item: f"{item.label} {item.title}"

    def clean(self) -> dict:
        data = super().clean()
        if data.get("item") and not (data.get("decision_text") or data.get("notes")):
            self.add_error("decision_text", _("Give the corrected decision or notes."))
        if not data.get("item") and (data.get("decision_text") or data.get("notes")):
            self.add_error("item", _("Choose the item the correction is for."))
        return data

    def item_changes(self) -> dict[int, dict]:
        item = self.cleaned_data.get("item")
        if item is None:
            return {}
        fields = ("decision_text", "notes")
        return {item.pk: {f: self.cleaned_data[f] for f in fields if self.cleaned_data[f]}}


class MemberNoticeForm(AkselFormMixin, forms.Form):
    """Which meetings, whose notice already went out, to send a new member the notice of."""

    meetings = forms.ModelMultipleChoiceField(
        label=_("Send the notice of"),
        queryset=Meeting.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: object, meetings: list[Meeting], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["meetings"]
        field.queryset = Meeting.objects.filter(pk__in=[m.pk for m in meetings]).select_related(
            "body"
        )
        field.label_from_instance = lambda m: timezone.localtime(m.starts_at).strftime(
            "%d.%m.%Y %H:%M"
        )
        field.initial = [m.pk for m in meetings]
