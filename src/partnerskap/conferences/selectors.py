"""Reads for the conference pages, the API and the documents, each a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, When
from django.http import Http404
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.meetings.models import AgendaItem
from partnerskap.meetings.selectors import attachable_items
from partnerskap.registry.models import Municipality, Partnership

from .access import event_scope
from .models import (
    ACTIVE,
    HOLDS_PLACE,
    CheckIn,
    Event,
    Invitation,
    MunicipalityReminder,
    ProgrammeVersion,
    QuestionKind,
    Registration,
    RegistrationStatus,
    Session,
    Survey,
    SurveyQuestion,
)
from .programme import Programme, programme_content, sessions_of
from .tokens import invitation_uuid, registration_uuid

# --- access functions -----------------------------------------------------------------------


def _event_qs() -> QuerySet[Event]:
    return Event.objects.select_related(
        "organiser_county", "organiser_partnership", "following_body"
    )


def event_for_user(user: User, pk: int, *, change: bool = False) -> Event:
    """The event if the person may read it (else 404), and manage it when `change` (else 403)."""
    try:
        event = _event_qs().get(pk=pk)
    except Event.DoesNotExist:
        raise Http404 from None
    scope = event_scope(user)
    if not scope.can_read(event):
        raise Http404
    if change and not scope.can_manage(event):
        raise PermissionDenied
    return event


def session_for_user(user: User, pk: int, *, change: bool = False) -> Session:
    try:
        session = Session.objects.select_related("event", "moderator").get(pk=pk)
    except Session.DoesNotExist:
        raise Http404 from None
    event_for_user(user, session.event_id, change=change)
    return session


def registration_for_user(user: User, pk: int) -> Registration:
    """A registration, for the event's managers only: it is personal data."""
    try:
        registration = Registration.objects.select_related("event", "municipality").get(pk=pk)
    except Registration.DoesNotExist:
        raise Http404 from None
    event_for_user(user, registration.event_id, change=True)
    return registration


def event_survey(event: Event) -> Survey | None:
    return Survey.objects.filter(event=event).first()


def survey_for_user(user: User, event: Event) -> Survey:
    """The event's evaluation; the caller has checked the person's access to the event."""
    try:
        return Survey.objects.select_related("event").get(event=event)
    except Survey.DoesNotExist:
        raise Http404 from None


def question_for_user(user: User, pk: int, *, change: bool = False) -> SurveyQuestion:
    try:
        question = SurveyQuestion.objects.select_related("survey__event").get(pk=pk)
    except SurveyQuestion.DoesNotExist:
        raise Http404 from None
    event_for_user(user, question.survey.event_id, change=change)
    return question


def participant_from_token(token: str) -> Registration:
    """The registration a personal link points at; 404 for a bad link or deleted data."""
    found = registration_uuid(token)
    if found is None:
        raise Http404
    try:
        registration = Registration.objects.select_related("event", "municipality").get(uuid=found)
    except Registration.DoesNotExist:
        raise Http404 from None
    if registration.event.personal_data_deleted_at is not None:
        raise Http404
    return registration


def invitation_from_token(event: Event, token: str) -> Invitation | None:
    found = invitation_uuid(token) if token else None
    if found is None:
        return None
    return Invitation.objects.filter(event=event, uuid=found).first()


def public_event(slug: str) -> Event:
    """A published event, for everyone."""
    try:
        return _event_qs().get(slug=slug, published_at__isnull=False)
    except Event.DoesNotExist:
        raise Http404 from None


# --- lists ----------------------------------------------------------------------------------


def _with_counts(qs: QuerySet[Event]) -> QuerySet[Event]:
    return qs.annotate(
        registered=Count("registrations", filter=Q(registrations__status__in=HOLDS_PLACE)),
        waitlisted=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
        ),
    )


def event_list(user: User) -> QuerySet[Event]:
    """The events the person may read, newest first, with their counts (one query a page)."""
    scope = event_scope(user)
    return _with_counts(_event_qs().filter(scope.readable())).order_by("-first_day", "title")


def partnership_events(user: User, partnership: Partnership) -> QuerySet[Event]:
    return event_list(user).filter(organiser_partnership=partnership)


def public_events() -> QuerySet[Event]:
    """Published events, the coming ones first (soonest first), then the past (latest first)."""
    today = timezone.localdate()
    return (
        _event_qs()
        .filter(published_at__isnull=False)
        .annotate(
            coming_day=Case(When(last_day__gte=today, then=F("first_day"))),
            past_day=Case(When(last_day__lt=today, then=F("first_day"))),
        )
        .order_by(
            F("coming_day").asc(nulls_last=True), F("past_day").desc(nulls_last=True), "title"
        )
    )


@dataclass(frozen=True)
class Counts:
    registered: int
    offered: int
    waitlisted: int
    cancelled: int
    capacity: int | None

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.registered - self.offered, 0)


def event_counts(event: Event) -> Counts:
    rows = dict(
        event.registrations.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return Counts(
        rows.get(RegistrationStatus.REGISTERED, 0),
        rows.get(RegistrationStatus.OFFERED, 0),
        rows.get(RegistrationStatus.WAITLISTED, 0),
        rows.get(RegistrationStatus.CANCELLED, 0),
        event.capacity,
    )


def registrations(event: Event, *, status: str = "", search: str = "") -> QuerySet[Registration]:
    qs = event.registrations.select_related("municipality").order_by("pk")
    qs = qs.filter(status=status) if status else qs.filter(status__in=ACTIVE)
    if search.strip():
        qs = qs.filter(
            Q(name__icontains=search.strip()) | Q(organisation__icontains=search.strip())
        )
    return qs


# --- the programme --------------------------------------------------------------------------


def draft_programme(event: Event) -> tuple[Programme, list[Session]]:
    """The working programme (as it will be published) and the sessions behind it."""
    sessions = list(sessions_of(event))
    return programme_content(event, sessions), sessions


def latest_version(event: Event) -> ProgrammeVersion | None:
    return event.versions.order_by("-number").first()


def versions(event: Event) -> QuerySet[ProgrammeVersion]:
    return event.versions.select_related("published_by").order_by("-number")


def speaker_choices() -> QuerySet[User]:
    """Everyone who can speak or moderate: people in the registry and those added as speakers."""
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


# --- registrations by organisation ------------------------------------------------------------


@dataclass
class MunicipalityRow:
    municipality: Municipality
    registered: int
    waitlisted: int
    reminded_at: datetime | None


@dataclass
class OrganisationRows:
    municipalities: list[MunicipalityRow]
    others: list[tuple[str, int, int]] = field(default_factory=list)  # organisation, reg, wait

    @property
    def missing(self) -> list[MunicipalityRow]:
        return [r for r in self.municipalities if not r.registered and not r.waitlisted]

    @property
    def to_remind(self) -> list[MunicipalityRow]:
        return [r for r in self.missing if r.reminded_at is None]


def municipalities_without_registrations(event: Event) -> QuerySet[Municipality]:
    """The invited municipalities nobody from has an active registration (one query)."""
    registered = Registration.objects.filter(
        event=event, municipality=OuterRef("pk"), status__in=ACTIVE
    )
    return (
        event.audience_municipalities.annotate(has_registration=Exists(registered))
        .filter(has_registration=False)
        .order_by("number")
    )


def organisation_rows(event: Event) -> OrganisationRows:
    """Per invited municipality: how many have a place, how many wait, and when its NAV leaders
    were reminded; then the other organisations by name (four queries)."""
    counts: dict[int | None, dict[str, int]] = {}
    for municipality_id, status, n in (
        event.registrations.filter(status__in=ACTIVE)
        .values_list("municipality_id", "status")
        .annotate(n=Count("pk"))
    ):
        row = counts.setdefault(municipality_id, {"registered": 0, "waitlisted": 0})
        row["waitlisted" if status == RegistrationStatus.WAITLISTED else "registered"] += n
    reminded = dict(
        MunicipalityReminder.objects.filter(event=event).values_list(
            "municipality_id", "created_at"
        )
    )
    rows = [
        MunicipalityRow(
            m,
            counts.get(m.pk, {}).get("registered", 0),
            counts.get(m.pk, {}).get("waitlisted", 0),
            reminded.get(m.pk),
        )
        for m in event.audience_municipalities.order_by("number")
    ]
    others: dict[str, list[int]] = {}
    for organisation, status, n in (
        event.registrations.filter(status__in=ACTIVE, municipality__isnull=True)
        .values_list("organisation", "status")
        .annotate(n=Count("pk"))
    ):
        row = others.setdefault(organisation, [0, 0])
        row[1 if status == RegistrationStatus.WAITLISTED else 0] += n
    other_rows = sorted((name, r[0], r[1]) for name, r in others.items())
    return OrganisationRows(rows, other_rows)


# --- check-in -------------------------------------------------------------------------------


def check_in_list(event: Event, day: date, search: str = "") -> QuerySet[Registration]:
    """The registered participants with whether they have arrived on the day (one query)."""
    arrived = CheckIn.objects.filter(registration=OuterRef("pk"), day=day)
    qs = (
        event.registrations.filter(status=RegistrationStatus.REGISTERED)
        .annotate(checked_in=Exists(arrived))
        .order_by("name", "pk")
    )
    if search.strip():
        qs = qs.filter(
            Q(name__icontains=search.strip()) | Q(organisation__icontains=search.strip())
        )
    return qs


def check_in_totals(event: Event) -> dict[date, int]:
    """How many arrived each day (one query)."""
    rows = dict(
        CheckIn.objects.filter(registration__event=event)
        .values_list("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    return {day: rows.get(day, 0) for day in event.days}


# --- the evaluation -------------------------------------------------------------------------


@dataclass
class QuestionSummary:
    question: SurveyQuestion
    answered: int
    counts: list[tuple[str, int]]  # (label, count) for every possible answer, in order
    mean: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class Summary:
    survey: Survey
    responses: int
    invited: int
    questions: list[QuestionSummary]


def _labels(question: SurveyQuestion) -> list[tuple[object, str]]:
    from django.utils.translation import gettext as _

    if question.kind == QuestionKind.SCALE:
        return [(n, str(n)) for n in range(1, 6)]
    if question.kind == QuestionKind.YES_NO:
        return [(True, _("Yes")), (False, _("No"))]
    return [(c, c) for c in question.choices]


def survey_summary(survey: Survey) -> Summary:
    """Counts per answer, the mean of each scale and the free texts (sorted, not in the order
    they came: decision 0043). Three queries."""
    questions = list(survey.questions.order_by("position"))
    values: dict[int, list] = {q.pk: [] for q in questions}
    for question_id, value in survey.responses.values_list(
        "answers__question_id", "answers__value"
    ):
        if question_id is not None:
            values[question_id].append(value)
    summaries = []
    for q in questions:
        answers = values[q.pk]
        if q.kind == QuestionKind.TEXT:
            summaries.append(QuestionSummary(q, len(answers), [], texts=sorted(answers)))
            continue
        flat = [v for a in answers for v in (a if isinstance(a, list) else [a])]
        counts = [(label, sum(1 for v in flat if v == key)) for key, label in _labels(q)]
        mean = sum(answers) / len(answers) if q.kind == QuestionKind.SCALE and answers else None
        summaries.append(QuestionSummary(q, len(answers), counts, mean=mean))
    invited = Registration.objects.filter(
        event_id=survey.event_id, status=RegistrationStatus.REGISTERED
    ).count()
    return Summary(survey, survey.responses.count(), invited, summaries)


def not_answered(survey: Survey) -> int:
    return Registration.objects.filter(
        event_id=survey.event_id,
        status=RegistrationStatus.REGISTERED,
        evaluation_answered=False,
    ).count()


def attach_targets(user: User, event: Event) -> QuerySet[AgendaItem]:
    """Agenda items of the following body's meetings, with an open agenda, that the person may add
    attachments to."""
    if event.following_body_id is None:
        return AgendaItem.objects.none()
    return attachable_items(user).filter(meeting__body_id=event.following_body_id)


def response_rows(survey: Survey) -> list[tuple[str, dict[int, object]]]:
    """Each response's answers by question id, with the participant's name in a named evaluation
    (empty in an anonymous one). Two queries."""
    responses = survey.responses.select_related("registration").prefetch_related("answers")
    return [
        (
            r.registration.name if (r.registration and not survey.anonymous) else "",
            {a.question_id: a.value for a in r.answers.all()},
        )
        for r in responses
    ]
