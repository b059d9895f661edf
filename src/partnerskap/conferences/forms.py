"""Forms validate input only; the services own the rules."""

from datetime import date, datetime, time

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerskap.core.forms import AkselFormMixin
from partnerskap.core.models import User
from partnerskap.meetings.models import AgendaItem, Body
from partnerskap.registry.forms import DateInput, TimeInput
from partnerskap.registry.models import County, Municipality, Partnership

from .models import (
    Event,
    EventKind,
    QuestionKind,
    RegistrationMode,
    RegistrationQuestion,
    SessionKind,
    SurveyQuestion,
)


def end_of(day: date) -> datetime:
    """A deadline given as a day lasts to the end of it."""
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def local_day(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment else None


def person_label(person: User) -> str:
    details = ", ".join(p for p in (person.job_title, person.organisation) if p)
    return f"{person.display_name} ({details})" if details else person.display_name


# --- the event ------------------------------------------------------------------------------


class EventForm(AkselFormMixin, forms.Form):
    organiser = forms.ChoiceField(label=_("Organiser"))
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.SlugField(
        label=_("Address of the public page"),
        max_length=80,
        help_text=_("Lower-case letters, digits and hyphens, e.g. partnerskapskonferansen-2019."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    co_organisers = forms.CharField(label=_("Co-organisers"), max_length=300, required=False)
    following_body = forms.ModelChoiceField(
        label=_("Followed by"),
        queryset=Body.objects.none(),
        required=False,
        help_text=_("The body (such as a project's steering group) whose members follow it."),
    )
    first_day = forms.DateField(label=_("First day"), widget=DateInput())
    last_day = forms.DateField(label=_("Last day"), widget=DateInput())
    place = forms.CharField(label=_("Place"), max_length=200)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        required=False,
        help_text=_("Leave empty for no limit. When the places are taken, people wait in line."),
    )
    audience = forms.CharField(
        label=_("Audience"),
        max_length=300,
        required=False,
        help_text=_(
            "Who it is for, e.g. NAV leaders, chief municipal executives and user representatives."
        ),
    )
    audience_municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities invited"),
        queryset=Municipality.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Registrations are counted per municipality, and those without any can be reminded."
        ),
    )
    registration_mode = forms.ChoiceField(label=_("Registration"), choices=RegistrationMode.choices)
    registration_opens = forms.DateField(
        label=_("Registration opens"), widget=DateInput(), required=False
    )
    registration_closes = forms.DateField(label=_("Registration deadline"), widget=DateInput())
    late_registration = forms.BooleanField(
        label=_("Accept late registrations while places remain"), required=False
    )
    questions = forms.MultipleChoiceField(
        label=_("Questions on the registration form"),
        choices=RegistrationQuestion.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ask only what you need: it is personal data and is deleted after the event."),
    )
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    offer_hours = forms.IntegerField(
        label=_("Hours to accept an offered place"), min_value=1, max_value=336, initial=72
    )
    retention_days = forms.IntegerField(
        label=_("Days personal data is kept after the event"),
        min_value=1,
        max_value=3650,
        initial=90,
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: object,
        partnerships: QuerySet[Partnership],
        counties: QuerySet[County],
        bodies: QuerySet[Body],
        event: Event | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        choices = [(f"c{c.pk}", c.name) for c in counties] + [
            (f"p{p.pk}", p.name) for p in partnerships
        ]
        self.fields["organiser"].choices = choices
        self.fields["following_body"].queryset = bodies
        self.fields["audience_municipalities"].queryset = Municipality.objects.current().order_by(
            "number"
        )
        self.fields["questions"].initial = [
            RegistrationQuestion.ORGANISATION,
            RegistrationQuestion.ROLE,
            RegistrationQuestion.DAYS,
        ]
        if event is not None:
            # The organiser is fixed once the event exists.
            del self.fields["organiser"]
            self.fields["slug"].disabled = True

    @classmethod
    def initial_for(cls, event: Event) -> dict:
        return {
            **{
                name: getattr(event, name)
                for name in (
                    "title",
                    "slug",
                    "kind",
                    "description",
                    "co_organisers",
                    "following_body",
                    "first_day",
                    "last_day",
                    "place",
                    "address",
                    "capacity",
                    "audience",
                    "registration_mode",
                    "late_registration",
                    "questions",
                    "contact_email",
                    "offer_hours",
                    "retention_days",
                    "revision",
                )
            },
            "registration_opens": local_day(event.registration_opens),
            "registration_closes": local_day(event.registration_closes),
            "audience_municipalities": list(event.audience_municipalities.all()),
        }

    def organiser_fields(self) -> dict:
        value = self.cleaned_data["organiser"]
        kind, pk = value[0], int(value[1:])
        if kind == "c":
            return {"organiser_county": County.objects.get(pk=pk)}
        return {"organiser_partnership": Partnership.objects.get(pk=pk)}

    def event_fields(self) -> dict:
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "title",
                "kind",
                "description",
                "co_organisers",
                "following_body",
                "first_day",
                "last_day",
                "place",
                "address",
                "capacity",
                "audience",
                "registration_mode",
                "late_registration",
                "questions",
                "contact_email",
                "offer_hours",
                "retention_days",
                "audience_municipalities",
            )
        }
        fields["registration_closes"] = end_of(data["registration_closes"])
        opens = data.get("registration_opens")
        fields["registration_opens"] = start_of(opens) if opens else None
        return fields


class DeadlineForm(AkselFormMixin, forms.Form):
    registration_closes = forms.DateField(label=_("New registration deadline"), widget=DateInput())
    revision = forms.IntegerField(widget=forms.HiddenInput)


class PublishForm(AkselFormMixin, forms.Form):
    note = forms.CharField(
        label=_("What changed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed when the programme has been published before: the participants are told."
        ),
    )


# --- the programme --------------------------------------------------------------------------


class SessionForm(AkselFormMixin, forms.Form):
    day = forms.TypedChoiceField(label=_("Day"), coerce=date.fromisoformat)
    starts = forms.TimeField(label=_("Starts"), widget=TimeInput())
    ends = forms.TimeField(label=_("Ends"), widget=TimeInput())
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)
    track = forms.CharField(
        label=_("Room or track"),
        max_length=100,
        required=False,
        help_text=_("Needed for parallel sessions, e.g. Hall A."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    speakers = forms.ModelMultipleChoiceField(
        label=_("Speakers"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    moderator = forms.ModelChoiceField(
        label=_("Moderator"), queryset=User.objects.none(), required=False
    )
    new_speaker_name = forms.CharField(
        label=_("New speaker from outside: name"),
        max_length=150,
        required=False,
        help_text=_("A person not in Partnerskap yet; added to the speakers."),
    )
    new_speaker_job_title = forms.CharField(
        label=_("New speaker: role or job title"), max_length=200, required=False
    )
    new_speaker_organisation = forms.CharField(
        label=_("New speaker: organisation"), max_length=200, required=False
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: object, event: Event, people: QuerySet[User], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [
            (day.isoformat(), day.strftime("%d.%m.%Y")) for day in event.days
        ]
        for name in ("speakers", "moderator"):
            self.fields[name].queryset = people
            self.fields[name].label_from_instance = person_label

    def clean(self) -> dict:
        data = super().clean()
        if (data.get("new_speaker_job_title") or data.get("new_speaker_organisation")) and not (
            data.get("new_speaker_name") or ""
        ).strip():
            self.add_error("new_speaker_name", _("Give the new speaker's name."))
        return data

    def new_speaker(self) -> dict | None:
        name = self.cleaned_data.get("new_speaker_name", "").strip()
        if not name:
            return None
        first, _space, last = name.rpartition(" ")
        return {
            "first_name": first or last,
            "last_name": last if first else "",
            "job_title": self.cleaned_data["new_speaker_job_title"],
            "organisation": self.cleaned_data["new_speaker_organisation"],
        }

    def session_fields(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in (
                "day",
                "starts",
                "ends",
                "title",
                "kind",
                "track",
                "description",
                "moderator",
            )
        }


# --- registration ---------------------------------------------------------------------------


class RegistrationForm(AkselFormMixin, forms.Form):
    """The registration form with only the questions the organiser chose."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    municipality = forms.ModelChoiceField(
        label=_("Municipality you represent"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_("If you come for one of the invited municipalities."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    job_title = forms.CharField(label=_("Role or job title"), max_length=200, required=False)
    days = forms.MultipleChoiceField(
        label=_("Days you attend"), widget=forms.CheckboxSelectMultiple, required=False
    )
    dinner = forms.TypedChoiceField(
        label=_("Do you join the dinner?"),
        choices=[("", "–"), ("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs or allergies"), max_length=300, required=False
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=300,
        required=False,
        help_text=_("For example a hearing loop, step-free access or an interpreter."),
    )

    QUESTION_FIELDS = {
        RegistrationQuestion.ORGANISATION: ("municipality", "organisation"),
        RegistrationQuestion.ROLE: ("job_title",),
        RegistrationQuestion.DAYS: ("days",),
        RegistrationQuestion.DINNER: ("dinner",),
        RegistrationQuestion.DIET: ("dietary_needs",),
        RegistrationQuestion.ACCESSIBILITY: ("accessibility_needs",),
    }

    def __init__(self, *args: object, event: Event, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for question, names in self.QUESTION_FIELDS.items():
            if not event.asks(question):
                for name in names:
                    del self.fields[name]
        if "municipality" in self.fields:
            municipalities = event.audience_municipalities.order_by("name")
            if municipalities.exists():
                self.fields["municipality"].queryset = municipalities
            else:
                del self.fields["municipality"]
        if "days" in self.fields:
            self.fields["days"].choices = [
                (day.isoformat(), day.strftime("%d.%m.%Y")) for day in event.days
            ]
            self.fields["days"].initial = [day.isoformat() for day in event.days]

    def registration_fields(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if value is not None}


class InvitationForm(AkselFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none(), required=False
    )

    def __init__(self, *args: object, event: Event, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = event.audience_municipalities.order_by("name")


class CheckInForm(forms.Form):
    registration = forms.IntegerField()
    present = forms.BooleanField(required=False)


# --- the evaluation -------------------------------------------------------------------------


class SurveyForm(AkselFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous answers"),
        required=False,
        initial=True,
        help_text=_("Nobody, not even the organiser, can see who gave which answers."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class QuestionForm(AkselFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices)
    text = forms.CharField(label=_("Question"), max_length=300)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For one or several choices: one choice a line."),
    )

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class AnswerForm(AkselFormMixin, forms.Form):
    """One field per question of the evaluation, named question_<id>."""

    def __init__(self, *args: object, questions: list[SurveyQuestion], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"question_{question.pk}"] = self._field(question)

    @staticmethod
    def _field(question: SurveyQuestion) -> forms.Field:
        common = {"label": question.text, "required": question.required}
        if question.kind == QuestionKind.SCALE:
            return forms.ChoiceField(
                choices=[(str(n), str(n)) for n in range(1, 6)],
                widget=forms.RadioSelect,
                help_text=_("1 is the lowest, 5 the highest."),
                **common,
            )
        if question.kind == QuestionKind.YES_NO:
            return forms.ChoiceField(
                choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect, **common
            )
        if question.kind == QuestionKind.SINGLE:
            return forms.ChoiceField(
                choices=[(c, c) for c in question.choices], widget=forms.RadioSelect, **common
            )
        if question.kind == QuestionKind.MULTIPLE:
            return forms.MultipleChoiceField(
                choices=[(c, c) for c in question.choices],
                widget=forms.CheckboxSelectMultiple,
                **common,
            )
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, **common)

    def answers(self) -> dict[int, object]:
        return {q.pk: self.cleaned_data.get(f"question_{q.pk}") for q in self.questions}


class AttachForm(AkselFormMixin, forms.Form):
    item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        label=_("Agenda item"),
        help_text=_("Items of the following body's meetings whose agenda is still open."),
    )
    title = forms.CharField(label=_("Title of the attachment"), max_length=200)

    def __init__(self, *args: object, items: QuerySet[AgendaItem], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        self.fields["item"].label_from_instance = lambda item: (
            f"{item.meeting.body.name}, {item.meeting.starts_at:%d.%m.%Y}: "
            f"{item.label} {item.title}"
        )
