"""Every conference page and API list costs the same number of queries with 3 participants or
150, 3 sessions or 40, 1 invited municipality or 25, and 1 evaluation answer or 60."""

from datetime import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerskap.conferences import services
from partnerskap.conferences.models import (
    Answer,
    CheckIn,
    Registration,
    RegistrationStatus,
    SurveyResponse,
)
from partnerskap.conferences.tokens import registration_token

from ..factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db


def _grow(event, world, start: int, how_many: int) -> None:
    """More of everything, in bulk: the shape matters, not the way in."""
    municipalities = [MunicipalityFactory(county=world.county) for _ in range(how_many // 6)]
    event.audience_municipalities.add(*municipalities)
    Registration.objects.bulk_create(
        Registration(
            event=event,
            status=RegistrationStatus.REGISTERED if n % 5 else RegistrationStatus.WAITLISTED,
            name=f"Deltaker {n}",
            email=f"d{n}@example.no",
            organisation=f"Virksomhet {n % 7}",
            municipality=municipalities[n % len(municipalities)] if municipalities else None,
            days=[d.isoformat() for d in event.days],
        )
        for n in range(start, start + how_many)
    )
    registered = list(
        event.registrations.filter(status=RegistrationStatus.REGISTERED, check_ins__isnull=True)
    )
    CheckIn.objects.bulk_create(
        CheckIn(registration=r, day=event.first_day) for r in registered[: len(registered) // 2]
    )
    speakers = [UserFactory(job_title="Rådgiver", organisation="NAV") for _ in range(3)]
    for n in range(how_many // 4):
        session = services.session_add(
            actor=world.nav_leader,
            event=event,
            day=event.last_day,
            starts=time(13),
            ends=time(14),
            title=f"Parallell {start + n}",
            track=f"Sal {start + n}",
            speakers=speakers,
            moderator=world.member,
        )
        assert session.pk
    survey = event.survey
    questions = list(survey.questions.all())
    for _n in range(how_many // 2):
        response = SurveyResponse.objects.create(survey=survey)
        Answer.objects.bulk_create(
            Answer(
                response=response,
                question=q,
                value=4 if q.kind == "scale" else "Bra" if q.kind == "text" else True,
            )
            for q in questions
        )


def _routes(event, world) -> dict[str, str]:
    participant = event.registrations.filter(status=RegistrationStatus.REGISTERED).first()
    pages = {
        name: reverse(f"conferences:{name}", args=[event.pk])
        for name in (
            "event_detail",
            "programme",
            "registration_list",
            "organisations",
            "check_in",
            "evaluation",
            "municipalities_remind",
        )
    }
    return pages | {
        "event_list": reverse("conferences:event_list"),
        "partnership_events": reverse("conferences:partnership_events", args=[world.orland.pk]),
        "public_event": reverse("conferences:public_event", args=[event.slug]),
        "participant": reverse("conferences:participant", args=[registration_token(participant)]),
        "api events": "/api/v1/events",
        "api event": f"/api/v1/events/{event.pk}",
        "api programme": f"/api/v1/events/{event.pk}/programme",
        "api registrations": f"/api/v1/events/{event.pk}/registrations",
        "api organisations": f"/api/v1/events/{event.pk}/organisations",
        "api check-ins": f"/api/v1/events/{event.pk}/check-ins",
        "api evaluation": f"/api/v1/events/{event.pk}/evaluation",
        "api public event": f"/api/v1/public/events/{event.slug}",
    }


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_query_counts_do_not_grow(client, world, event):
    services.survey_create(actor=world.nav_leader, event=event, title="Evaluering")
    client.force_login(world.nav_leader)
    _grow(event, world, 0, 6)
    services.programme_publish(actor=world.nav_leader, event=event, note="Flere økter.")
    small = {name: _count(client, url) for name, url in _routes(event, world).items()}
    _grow(event, world, 100, 150)
    services.programme_publish(actor=world.nav_leader, event=event, note="Enda flere økter.")
    large = {name: _count(client, url) for name, url in _routes(event, world).items()}
    assert large == small
    assert event.registrations.count() > 150 and event.sessions.count() > 40
