"""The retention command deletes the participants' personal data of events past their retention
period, keeps the counts, and a second run changes nothing more (issue 21, done point 4)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from partnerskap.conferences import selectors, services
from partnerskap.conferences.models import (
    CheckIn,
    Event,
    Invitation,
    MunicipalityReminder,
    Registration,
    RegistrationMode,
    SurveyResponse,
)

from .conftest import make_event, register

pytestmark = pytest.mark.django_db

PERSONAL = ["Ada Berg", "ada@example.no", "Glutenfri", "Rullestol", "Rådgiver", "Brekstad skole"]


def _past(event: Event, *, days_ago: int) -> Event:
    """Move an event (and its programme) into the past."""
    shift = (event.last_day - timezone.localdate()) + timedelta(days=days_ago)
    Event.objects.filter(pk=event.pk).update(
        first_day=event.first_day - shift,
        last_day=event.last_day - shift,
        registration_closes=event.registration_closes - shift,
    )
    for session in event.sessions.all():
        session.__class__.objects.filter(pk=session.pk).update(day=session.day - shift)
    CheckIn.objects.filter(registration__event=event).update(day=event.first_day - shift)
    event.refresh_from_db()
    return event


@pytest.fixture
def held(world, body):
    """An event held 100 days ago (retention 90 days), with registrations, check-ins, a named
    evaluation and a reminder; and another held 10 days ago."""
    event = make_event(world, following_body=body, capacity=2, slug="holdt")
    ada = register(
        event,
        "Ada Berg",
        "ada@example.no",
        municipality=world.orland_municipality,
        organisation="Brekstad skole",
        job_title="Rådgiver",
        dietary_needs="Glutenfri",
        accessibility_needs="Rullestol",
        dinner=True,
    )
    bo = register(event, "Bo Dahl", municipality=world.orland_municipality)
    register(event, "Cato Eng")  # waiting list
    services.check_in(actor=world.nav_leader, registration=ada, day=event.first_day)
    services.check_in(actor=world.nav_leader, registration=bo, day=event.first_day)
    survey = services.survey_create(
        actor=world.nav_leader, event=event, title="Evaluering", anonymous=False
    )
    services.survey_open(actor=world.nav_leader, survey=survey)
    question = survey.questions.order_by("position").first()
    services.survey_answer(survey=survey, registration=ada, answers={question.pk: 5})
    MunicipalityReminder.objects.create(event=event, municipality=world.orland_municipality)
    invited = make_event(
        world, slug="invitert", registration_mode=RegistrationMode.INVITATION, capacity=5
    )
    Invitation.objects.create(event=invited, name="Ada Berg", email="ada@example.no")
    recent = make_event(world, slug="nylig", capacity=5)
    register(recent, "Eli Gran", "eli@example.no")
    _past(invited, days_ago=100)
    _past(recent, days_ago=10)
    return _past(event, days_ago=100), invited, recent


def _counts(event: Event) -> tuple:
    rows = selectors.organisation_rows(event)
    survey = selectors.survey_summary(event.survey) if hasattr(event, "survey") else None
    return (
        selectors.event_counts(event),
        selectors.check_in_totals(event),
        [(r.municipality.pk, r.registered, r.waitlisted) for r in rows.municipalities],
        survey and [(q.answered, q.counts) for q in survey.questions],
    )


def _dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", "conferences", stdout=out)
    return out.getvalue()


def test_personal_data_is_deleted_and_the_counts_stay(held):
    event, invited, recent = held
    counts = _counts(event)
    dump = _dump()
    assert all(text in dump for text in PERSONAL)  # what the run must remove

    out = io.StringIO()
    call_command("conferences_retention", stdout=out)

    assert "2 arrangementer forbi lagringstiden." in out.getvalue()
    event.refresh_from_db()
    assert event.personal_data_deleted_at is not None
    assert _counts(event) == counts
    dump = _dump()
    assert not [text for text in PERSONAL if text in dump]  # rows and history alike
    fields = Registration.objects.filter(event=event).values_list(
        "name",
        "email",
        "organisation",
        "job_title",
        "dietary_needs",
        "accessibility_needs",
        "person",
    )
    assert set(fields) == {("", "", "", "", "", "", None)}
    assert list(Registration.objects.filter(event=event).values_list("status", "dinner")) == [
        ("registered", True),
        ("registered", None),
        ("waitlisted", None),
    ]
    assert not Registration.history.filter(event_id=event.pk).exists()
    assert SurveyResponse.objects.get().registration is None  # the named answer is unlinked
    assert not Invitation.objects.filter(event=invited).exists()
    # The event ten days ago keeps its participants.
    assert Registration.objects.get(event=recent).name == "Eli Gran"
    assert recent.__class__.objects.get(pk=recent.pk).personal_data_deleted_at is None


def test_running_it_twice_changes_nothing_more(held):
    call_command("conferences_retention", stdout=io.StringIO())
    dump = _dump()
    history = Event.history.count()
    out = io.StringIO()
    call_command("conferences_retention", stdout=out)
    assert "0 arrangementer forbi lagringstiden." in out.getvalue()
    assert _dump() == dump
    assert Event.history.count() == history


def test_the_personal_link_is_gone(held, client):
    from partnerskap.conferences.tokens import registration_token

    event, _invited, _recent = held
    ada = Registration.objects.filter(event=event).first()
    token = registration_token(ada)
    assert client.get(f"/offentlig/arrangementer/deltaker/{token}/").status_code == 200
    call_command("conferences_retention", stdout=io.StringIO())
    assert client.get(f"/offentlig/arrangementer/deltaker/{token}/").status_code == 404


def test_a_dry_run_and_a_day_in_the_future(held):
    out = io.StringIO()
    call_command("conferences_retention", "--dry-run", stdout=out)
    assert "Ville slettet: Partnerskapskonferansen i Ørland" in out.getvalue()
    assert Registration.objects.filter(name="Ada Berg").exists()
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("conferences_retention", "--date", "2999-01-01")
