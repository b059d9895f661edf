"""The event and its programme: sessions with their speakers, and the versions published."""

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

# Addresses under /offentlig/arrangementer/ that an event's slug must not take: its own
# personal pages, and the archive's /offentlig/<slug>/moter/.
RESERVED_SLUGS = frozenset({"deltaker", "evaluering", "moter"})

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
