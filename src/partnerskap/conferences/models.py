"""C9: conferences and gatherings — the event, its programme, registrations with a waiting list,
check-in per day, and the evaluation afterwards.

Personal data is kept to what the organiser asks for and is deleted after the event's retention
period (docs/decisions/0044); an anonymous evaluation keeps no link between an answer and the
person who gave it (docs/decisions/0043).
"""

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerskap.core.models import TimeStampedModel
from partnerskap.meetings.models import Body
from partnerskap.registry.models import County, Municipality, Partnership

User = settings.AUTH_USER_MODEL

# Addresses under /offentlig/arrangementer/ that an event's slug must not take.
RESERVED_SLUGS = frozenset({"deltaker", "evaluering"})

slug_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Use lower-case letters a–z, digits and hyphens, for example partnerskapskonferansen-2019."),
)


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    GATHERING = "gathering", _("Gathering")
    COURSE_DAY = "course_day", _("Course day")


class RegistrationMode(models.TextChoices):
    PUBLIC = "public", _("Open to everyone")
    INVITATION = "invitation", _("By invitation only")


class RegistrationQuestion(models.TextChoices):
    """What the registration form may ask besides name and e-mail: the organiser chooses."""

    ORGANISATION = "organisation", _("Organisation")
    ROLE = "role", _("Role or job title")
    DAYS = "days", _("Days attending")
    DINNER = "dinner", _("Dinner")
    DIET = "diet", _("Dietary needs")
    ACCESSIBILITY = "accessibility", _("Accessibility needs")


def validate_questions(value: object) -> None:
    from django.core.exceptions import ValidationError

    if not isinstance(value, list) or any(q not in RegistrationQuestion.values for q in value):
        raise ValidationError(
            _("Choose the questions among: %(choices)s.")
            % {"choices": ", ".join(RegistrationQuestion.values)}
        )


class Event(TimeStampedModel):
    """A conference or gathering, organised by a county or a partnership and followed by a body
    (the project's steering group) that sees its registrations and evaluation."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address of the public page"), max_length=80, unique=True, validators=[slug_validator]
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.CONFERENCE
    )
    description = models.TextField(_("description"), blank=True)
    organiser_county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organising county"),
    )
    organiser_partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organising partnership"),
    )
    co_organisers = models.CharField(_("co-organisers"), max_length=300, blank=True)
    following_body = models.ForeignKey(
        Body,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("followed by"),
    )
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200)
    address = models.CharField(_("address"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    audience = models.CharField(_("audience"), max_length=300, blank=True)
    audience_municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="events",
        verbose_name=_("municipalities invited"),
    )
    registration_mode = models.CharField(
        _("registration"),
        max_length=20,
        choices=RegistrationMode.choices,
        default=RegistrationMode.PUBLIC,
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration deadline"))
    late_registration = models.BooleanField(
        _("accept late registrations while places remain"), default=False
    )
    questions = models.JSONField(
        _("questions"), default=list, blank=True, validators=[validate_questions]
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept an offered place"),
        default=72,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 14)],
    )
    retention_days = models.PositiveSmallIntegerField(
        _("days personal data is kept after the event"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
    )
    # Set once the programme is published the first time; the public page shows nothing before.
    published_at = models.DateTimeField(null=True, blank=True)
    personal_data_deleted_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-first_day", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organiser_county__isnull=False, organiser_partnership__isnull=True)
                | Q(organiser_county__isnull=True, organiser_partnership__isnull=False),
                name="event_organised_by_county_or_partnership",
            ),
            models.CheckConstraint(
                condition=Q(last_day__gte=models.F("first_day")), name="event_last_day_after_first"
            ),
            models.CheckConstraint(
                condition=Q(registration_opens__isnull=True)
                | Q(registration_closes__gt=models.F("registration_opens")),
                name="event_registration_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organiser(self) -> County | Partnership:
        return self.organiser_county or self.organiser_partnership  # type: ignore[return-value]

    @property
    def days(self) -> list[date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + timedelta(days=n) for n in range(count)]

    @property
    def retention_ends(self) -> date:
        return self.last_day + timedelta(days=self.retention_days)

    def asks(self, question: str) -> bool:
        return question in self.questions


class SessionKind(models.TextChoices):
    TALK = "talk", _("Talk")
    WORKSHOP = "workshop", _("Workshop")
    PANEL = "panel", _("Panel")
    BREAK = "break", _("Break")
    MEAL = "meal", _("Meal")
    SOCIAL = "social", _("Dinner or cultural programme")
    OTHER = "other", _("Other")


# Kinds that have no speakers or moderator: a break is a break.
WITHOUT_SPEAKERS = frozenset({SessionKind.BREAK, SessionKind.MEAL})


class Session(TimeStampedModel):
    """One slot of the programme. Sessions at the same time on the same day are parallel and must
    be in different rooms (`track`)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    day = models.DateField(_("day"))
    starts = models.TimeField(_("starts"))
    ends = models.TimeField(_("ends"))
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.TALK
    )
    description = models.TextField(_("description"), blank=True)
    track = models.CharField(_("room or track"), max_length=100, blank=True)
    moderator = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderator"),
    )
    speakers = models.ManyToManyField(
        User, through="SessionSpeaker", related_name="+", blank=True, verbose_name=_("speakers")
    )
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["day", "starts", "track", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=models.F("starts")), name="session_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day:%d.%m} {self.starts:%H:%M} {self.title}"


class SessionSpeaker(models.Model):
    """A speaker of a session, in the order the programme names them."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="speaker_links")
    person = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="session_speaker_once")
        ]

    def __str__(self) -> str:
        return f"{self.session}: {self.person}"


class ProgrammeVersion(TimeStampedModel):
    """The programme as published: a frozen copy per publication, so that the public page shows
    what was announced and a change after publishing is a new version with its note."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    published_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("what changed"), blank=True)
    content = models.JSONField()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="programme_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.event} v{self.number}"


class Invitation(TimeStampedModel):
    """A person invited to an event that takes registrations by invitation only."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="invitation_email_once")
        ]

    def __str__(self) -> str:
        return self.name


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Offered a place")
    CANCELLED = "cancelled", _("Cancelled")


# Statuses that hold a place: an offered place is kept for the person until the offer lapses.
HOLDS_PLACE = (RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED)
ACTIVE = (*HOLDS_PLACE, RegistrationStatus.WAITLISTED)


class CancelReason(models.TextChoices):
    BY_PARTICIPANT = "by_participant", _("Cancelled by the participant")
    BY_ORGANISER = "by_organiser", _("Cancelled by the organiser")
    OFFER_DECLINED = "offer_declined", _("Declined the offered place")
    OFFER_LAPSED = "offer_lapsed", _("Did not accept the offered place in time")


class Registration(TimeStampedModel):
    """One person's registration. The personal fields are emptied when the event's retention
    period ends; status, municipality, days and check-ins stay, so the counts do."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    job_title = models.CharField(_("role or job title"), max_length=200, blank=True)
    # ISO dates of the days the person attends; all days when the event does not ask.
    days = models.JSONField(_("days attending"), default=list, blank=True)
    dinner = models.BooleanField(_("dinner"), null=True, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    person = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="registrations"
    )
    invitation = models.ForeignKey(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="registrations"
    )
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=20, choices=CancelReason.choices, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Set with a queryset update that touches every registration of the event, never with save():
    # no timestamp, no history row, nothing that orders it against the answers (decision 0043).
    evaluation_answered = models.BooleanField(default=False)

    history = HistoricalRecords(excluded_fields=["evaluation_answered"])

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["pk"]
        indexes = [models.Index(fields=["event", "status"])]
        constraints = [
            # One active registration per person and event: a double click or a second tab
            # cannot register the same e-mail twice, even at the same moment.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=["registered", "waitlisted", "offered"]) & ~Q(email=""),
                name="registration_active_email_once",
            ),
            models.CheckConstraint(
                condition=~Q(status="offered") | Q(offer_expires_at__isnull=False),
                name="registration_offer_has_expiry",
            ),
        ]

    def __str__(self) -> str:
        return self.name or str(self.uuid)

    @property
    def holds_place(self) -> bool:
        return self.status in HOLDS_PLACE


class CheckIn(TimeStampedModel):
    """A participant arrived on one day of the event: one row per person and day."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="check_ins"
    )
    day = models.DateField(_("day"))
    checked_in_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["day", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "day"], name="check_in_once_a_day")
        ]


class MunicipalityReminder(TimeStampedModel):
    """The NAV leaders of a municipality without registrations were reminded: once per event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reminders")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    sent_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["municipality__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "municipality"], name="municipality_reminded_once"
            )
        ]


# --- the evaluation -------------------------------------------------------------------------


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class Survey(TimeStampedModel):
    """The evaluation after an event: anonymous or named, the organiser's choice."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="survey")
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    anonymous = models.BooleanField(_("anonymous answers"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Scale 1–5")
    YES_NO = "yes_no", _("Yes or no")
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    TEXT = "text", _("Free text")


WITH_CHOICES = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE})


class SurveyQuestion(TimeStampedModel):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=300)
    required = models.BooleanField(_("an answer is required"), default=False)
    choices = models.JSONField(_("choices"), default=list, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "position"], name="survey_question_position")
        ]

    def __str__(self) -> str:
        return self.text


class SurveyResponse(models.Model):
    """One person's answers. Anonymous: a random key, no registration, no time (decision 0043):
    nothing in the row says whose it is or when it came relative to anyone else's."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # Named evaluations only.
    registration = models.ForeignKey(
        Registration, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # Never by insertion order: lists of anonymous answers must not reveal who came first.
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.id)


class Answer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    # 1–5 for a scale, true/false for yes/no, a choice, a list of choices, or text.
    value = models.JSONField()

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_once")]

    def __str__(self) -> str:
        return str(self.id)
