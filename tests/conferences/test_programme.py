"""The event and its programme: who may organise, sessions with rooms for parallel ones, speakers
from outside the registry, and publishing in versions that are announced."""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from partnerskap.conferences import services
from partnerskap.conferences.models import ProgrammeVersion, SessionKind
from partnerskap.conferences.programme import days_with_slots, programme_content

from .conftest import event_days, make_event, register

pytestmark = pytest.mark.django_db


def test_only_those_who_may_change_the_organiser_create_events(world):
    first, last = event_days()
    common = {
        "title": "Samling",
        "slug": "samling",
        "first_day": first,
        "last_day": last,
        "place": "Brekstad",
        "registration_closes": timezone.now() + timedelta(days=5),
    }
    for person in (world.member, world.outsider, world.other_leader):
        with pytest.raises(PermissionDenied):
            services.event_create(actor=person, organiser_partnership=world.orland, **common)
    with pytest.raises(PermissionDenied):
        services.event_create(actor=world.nav_leader, organiser_county=world.county, **common)
    event = services.event_create(
        actor=world.county_director, organiser_county=world.county, **common
    )
    assert event.organiser == world.county


def test_dates_and_addresses_are_checked(world):
    first, last = event_days()
    with pytest.raises(ValidationError) as error:
        make_event(world, first_day=last, last_day=first)
    assert error.value.message_dict == {"last_day": ["Siste dag kan ikke være før første dag."]}
    with pytest.raises(ValidationError) as error:
        make_event(world, slug="deltaker")
    assert "slug" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_event(world, registration_closes=timezone.now() + timedelta(days=400))
    assert error.value.message_dict == {
        "registration_closes": ["Fristen må være før arrangementet slutter."]
    }


def test_sessions_are_checked(event, world):
    add = lambda **kw: services.session_add(  # noqa: E731
        actor=world.nav_leader, event=event, title=kw.pop("title", "Økt"), **kw
    )
    with pytest.raises(ValidationError) as error:
        add(day=event.first_day - timedelta(days=1), starts=time(9), ends=time(10))
    assert "day" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        add(
            day=event.first_day,
            starts=time(15),
            ends=time(15, 15),
            kind=SessionKind.BREAK,
            speakers=[world.member],
        )
    assert error.value.message_dict == {
        "speakers": ["En pause eller et måltid har ingen innledere eller ordstyrer."]
    }
    with pytest.raises(ValidationError) as error:
        add(day=event.first_day, starts=time(11, 15), ends=time(11, 45))
    assert error.value.message_dict == {
        "track": [
            "«Velkommen» (11:00–11:30) er samtidig i samme sal. Parallelle økter trenger hver sin "
            "sal eller hvert sitt spor."
        ]
    }


def test_parallel_sessions_in_rooms_are_shown_side_by_side(event, world):
    for room, title in (("Sal A", "Ungdom i Ørland"), ("Sal B", "Digital søknad")):
        services.session_add(
            actor=world.nav_leader,
            event=event,
            day=event.last_day,
            starts=time(13),
            ends=time(14),
            title=title,
            track=room,
        )
    last_day = days_with_slots(programme_content(event))[1]
    parallel = [slot for slot in last_day["slots"] if slot["parallel"]]
    assert [[s["title"] for s in slot["sessions"]] for slot in parallel] == [
        ["Ungdom i Ørland", "Digital søknad"]
    ]


def test_a_speaker_from_outside_is_a_person_without_a_login(event, world):
    speaker = services.speaker_create(
        actor=world.nav_leader, first_name="Solveig", last_name="Forsker", organisation="SINTEF"
    )
    session = services.session_add(
        actor=world.nav_leader,
        event=event,
        day=event.first_day,
        starts=time(13),
        ends=time(13, 45),
        title="Hvordan forebygge utenforskap?",
        speakers=[speaker, world.municipal_owner],
    )
    assert not speaker.has_usable_password()
    line = programme_content(event)["days"][0]["sessions"][-1]
    assert line["title"] == "Hvordan forebygge utenforskap?"
    assert [p["name"] for p in line["speakers"]] == [
        "Solveig Forsker",
        world.municipal_owner.display_name,
    ]
    assert line["speakers"][0]["organisation"] == "SINTEF"
    assert session.speaker_links.count() == 2


def test_publishing_in_versions_announced_to_participants(
    event, world, django_capture_on_commit_callbacks
):
    register(event, "Ada Berg")
    cancelled = register(event, "Bo Dahl")
    services.registration_cancel(actor=None, registration=cancelled)
    for name in ("Cato Eng", "Dina Fjell", "Eli Gran"):
        register(event, name)  # the last one waits
    with pytest.raises(ValidationError, match="ikke endret"):
        services.programme_publish(actor=world.nav_leader, event=event)
    session = event.sessions.get(title="Velkommen")
    services.session_update(
        actor=world.nav_leader, session=session, revision=session.revision, starts=time(10, 45)
    )
    with pytest.raises(ValidationError) as error:
        services.programme_publish(actor=world.nav_leader, event=event)
    assert "note" in error.value.message_dict
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        version = services.programme_publish(
            actor=world.nav_leader, event=event, note="Velkomsten starter et kvarter tidligere."
        )
    assert version.number == 2
    assert version.content["days"][0]["sessions"][0]["starts"] == "10:45"
    assert (
        ProgrammeVersion.objects.get(event=event, number=1).content["days"][0]["sessions"][0][
            "starts"
        ]
        == "11:00"
    )
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ada@example.no",
        "cato@example.no",
        "dina@example.no",
        "eli@example.no",
    ]
    assert "Velkomsten starter et kvarter tidligere." in mail.outbox[0].body
    assert mail.outbox[0].subject == "Endret program: Partnerskapskonferansen i Ørland"


def test_the_public_page_shows_the_published_version_only(event, world, client):
    services.session_add(
        actor=world.nav_leader,
        event=event,
        day=event.first_day,
        starts=time(15),
        ends=time(16),
        title="Ikke publisert ennå",
    )
    page = client.get(f"/offentlig/arrangementer/{event.slug}/").content.decode()
    assert "Velkommen" in page and "Verksted om ungdom" in page
    assert "Ikke publisert ennå" not in page
    draft = make_event(world, slug="kladd", publish=False)
    assert client.get(f"/offentlig/arrangementer/{draft.slug}/").status_code == 404
