"""Registration, the waiting list, offers of freed places, and check-in."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerskap.conferences import services
from partnerskap.conferences.models import (
    CancelReason,
    CheckIn,
    Event,
    Registration,
    RegistrationMode,
    RegistrationStatus,
)

from .conftest import make_event, register

pytestmark = pytest.mark.django_db


def statuses(event: Event) -> list[str]:
    return list(event.registrations.order_by("pk").values_list("status", flat=True))


def test_places_then_the_waiting_list(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("Ada Berg", "Bo Dahl", "Cato Eng", "Dina Fjell"):
            register(event, name)
    assert statuses(event) == ["registered"] * 3 + ["waitlisted"]
    subjects = [m.subject for m in mail.outbox]
    assert subjects.count("Påmeldt: Partnerskapskonferansen i Ørland") == 3
    assert subjects[-1] == "På venteliste: Partnerskapskonferansen i Ørland"
    confirmation = mail.outbox[0]
    assert confirmation.to == ["ada@example.no"]
    assert confirmation.reply_to == ["konferanse@orland.example"]
    name, content, kind = confirmation.attachments[0]
    assert name == "arrangement.ics" and kind == "text/calendar"
    assert content.count("BEGIN:VEVENT") == 2  # one per day attended
    assert "/offentlig/arrangementer/deltaker/" in confirmation.body


def test_only_what_the_organiser_asks_is_kept(world, body):
    event = make_event(world, questions=["organisation"], slug="kort-skjema")
    registration = register(
        event,
        "Ada Berg",
        organisation="NAV Ørland",
        dietary_needs="Glutenfri",
        accessibility_needs="Teleslynge",
        job_title="Veileder",
        dinner=True,
    )
    registration.refresh_from_db()
    assert registration.organisation == "NAV Ørland"
    assert (registration.dietary_needs, registration.accessibility_needs) == ("", "")
    assert (registration.job_title, registration.dinner) == ("", None)
    assert registration.days == [d.isoformat() for d in event.days]  # all days when not asked


def test_the_same_email_twice_is_refused(event):
    register(event, "Ada Berg", "ada@example.no")
    with pytest.raises(ValidationError) as error:
        register(event, "Ada B.", "ADA@example.no")
    assert "ada@example.no er allerede påmeldt" in error.value.message_dict["email"][0]
    assert event.registrations.count() == 1


def test_days_must_be_the_events(event):
    with pytest.raises(ValidationError) as error:
        register(event, "Ada Berg", days=[])
    assert error.value.message_dict["days"] == ["Velg dagene du deltar."]
    with pytest.raises(ValidationError):
        register(event, "Ada Berg", days=["2001-01-01"])
    registration = register(event, "Ada Berg", days=[event.last_day.isoformat()])
    assert registration.days == [event.last_day.isoformat()]


def test_municipality_must_be_invited(event, world):
    with pytest.raises(ValidationError) as error:
        register(
            event, "Ada Berg", municipality=world.other.owners.get(kind="municipality").municipality
        )
    assert "municipality" in error.value.message_dict


def test_not_published_and_after_the_deadline(world, body):
    draft = make_event(world, publish=False, slug="utkast")
    with pytest.raises(ValidationError, match="ikke publisert"):
        register(draft, "Ada Berg")
    event = make_event(world, slug="fristen-gikk")
    Event.objects.filter(pk=event.pk).update(registration_closes=timezone.now() - timedelta(days=1))
    event.refresh_from_db()
    with pytest.raises(ValidationError, match="Påmeldingsfristen er ute"):
        register(event, "Ada Berg")


def test_late_registration_while_places_remain(world, body):
    event = make_event(world, slug="sen-pamelding", capacity=1, late_registration=True)
    Event.objects.filter(pk=event.pk).update(registration_closes=timezone.now() - timedelta(days=1))
    event.refresh_from_db()
    assert register(event, "Ada Berg").status == RegistrationStatus.REGISTERED
    with pytest.raises(ValidationError, match="fullt"):
        register(event, "Bo Dahl")
    assert statuses(event) == ["registered"]


def test_invitation_only(world, body, django_capture_on_commit_callbacks):
    event = make_event(world, slug="invitasjon", registration_mode=RegistrationMode.INVITATION)
    with pytest.raises(ValidationError, match="invitasjon"):
        register(event, "Ada Berg")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_add(
            actor=world.nav_leader, event=event, name="Ada Berg", email="ada@example.no"
        )
    assert "?invitasjon=" in mail.outbox[-1].body
    registration = register(event, "Ada Berg", invitation=invitation)
    assert registration.invitation == invitation


def test_a_cancelled_place_is_offered_to_the_first_waiting(
    event, django_capture_on_commit_callbacks
):
    people = [
        register(event, n) for n in ("Ada Berg", "Bo Dahl", "Cato Eng", "Dina Fjell", "Eli Gran")
    ]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=None, registration=people[1])
    assert statuses(event) == ["registered", "cancelled", "registered", "offered", "waitlisted"]
    offered = Registration.objects.get(pk=people[3].pk)
    assert offered.offer_expires_at == offered.offered_at + timedelta(hours=72)
    assert [m.subject for m in mail.outbox] == [
        "Avmeldt: Partnerskapskonferansen i Ørland",
        "En plass til deg: Partnerskapskonferansen i Ørland",
    ]
    assert mail.outbox[1].to == ["dina@example.no"]
    # Cancelling twice changes nothing more.
    services.registration_cancel(actor=None, registration=people[1])
    assert statuses(event) == ["registered", "cancelled", "registered", "offered", "waitlisted"]
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_accept(actor=None, registration=offered)
    assert statuses(event) == ["registered", "cancelled", "registered", "registered", "waitlisted"]
    assert mail.outbox[-1].subject == "Påmeldt: Partnerskapskonferansen i Ørland"


def test_declining_an_offer_passes_it_on(event):
    people = [
        register(event, n) for n in ("Ada Berg", "Bo Dahl", "Cato Eng", "Dina Fjell", "Eli Gran")
    ]
    services.registration_cancel(actor=None, registration=people[0])
    services.registration_cancel(actor=None, registration=people[3])
    declined = Registration.objects.get(pk=people[3].pk)
    assert declined.cancel_reason == CancelReason.OFFER_DECLINED
    assert statuses(event)[-1] == "offered"


def test_a_lapsed_offer_goes_to_the_next(event):
    people = [
        register(event, n) for n in ("Ada Berg", "Bo Dahl", "Cato Eng", "Dina Fjell", "Eli Gran")
    ]
    services.registration_cancel(actor=None, registration=people[0])
    later = timezone.now() + timedelta(hours=73)
    assert services.offers_expire(now=later) == 1
    assert statuses(event) == ["cancelled", "registered", "registered", "cancelled", "offered"]
    assert Registration.objects.get(pk=people[3].pk).cancel_reason == CancelReason.OFFER_LAPSED
    assert services.offers_expire(now=later) == 0  # idempotent
    with pytest.raises(ValidationError, match="gått ut"):
        Registration.objects.filter(pk=people[4].pk).update(
            offer_expires_at=timezone.now() - timedelta(seconds=1)
        )
        services.offer_accept(actor=None, registration=people[4])


def test_more_places_are_offered_at_once(event, world):
    for n in ("Ada Berg", "Bo Dahl", "Cato Eng", "Dina Fjell", "Eli Gran"):
        register(event, n)
    services.event_update(actor=world.nav_leader, event=event, revision=event.revision, capacity=4)
    assert statuses(event) == ["registered"] * 3 + ["offered", "waitlisted"]
    event.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.event_update(
            actor=world.nav_leader, event=event, revision=event.revision, capacity=2
        )
    assert "4 personer har allerede plass" in error.value.message_dict["capacity"][0]


def test_check_in_once_a_day(event, world):
    ada = register(event, "Ada Berg")
    first = services.check_in(actor=world.nav_leader, registration=ada, day=event.first_day)
    again = services.check_in(actor=world.nav_leader, registration=ada, day=event.first_day)
    assert first == again and CheckIn.objects.count() == 1
    services.check_in(actor=world.nav_leader, registration=ada, day=event.first_day, present=False)
    assert CheckIn.objects.count() == 0
    with pytest.raises(ValidationError):
        services.check_in(
            actor=world.nav_leader, registration=ada, day=event.first_day - timedelta(days=1)
        )


def test_only_registered_people_are_checked_in(event, world):
    people = [register(event, n) for n in ("Ada Berg", "Bo Dahl", "Cato Eng", "Dina Fjell")]
    with pytest.raises(ValidationError, match="påmeldte"):
        services.check_in(actor=world.nav_leader, registration=people[3], day=event.first_day)


def test_extending_the_deadline(event, world):
    old = event.registration_closes
    with pytest.raises(ValidationError):
        services.event_extend_deadline(
            actor=world.nav_leader, event=event, registration_closes=old, revision=event.revision
        )
    event.refresh_from_db()
    services.event_extend_deadline(
        actor=world.nav_leader,
        event=event,
        registration_closes=old + timedelta(days=5),
        revision=event.revision,
    )
    event.refresh_from_db()
    assert event.registration_closes == old + timedelta(days=5)
    assert event.history.order_by("-history_id")[1].registration_closes == old


def test_the_daily_command_reminds_once_and_lapses_offers(world, body):
    from io import StringIO

    from django.core.management import call_command

    soon = make_event(world, slug="snart", capacity=1)
    shift = soon.first_day - (timezone.localdate() + timedelta(days=2))
    Event.objects.filter(pk=soon.pk).update(
        first_day=soon.first_day - shift,
        last_day=soon.last_day - shift,
        registration_closes=timezone.now() + timedelta(days=1),
    )
    soon.sessions.update(day=soon.first_day - shift)
    soon.refresh_from_db()
    ada = register(soon, "Ada Berg", days=[soon.first_day.isoformat()])
    bo = register(soon, "Bo Dahl", days=[soon.first_day.isoformat()])
    services.registration_cancel(actor=None, registration=ada)
    Registration.objects.filter(pk=bo.pk).update(
        offer_expires_at=timezone.now() - timedelta(minutes=1)
    )
    mail.outbox.clear()
    out = StringIO()
    call_command("conferences_remind", stdout=out)
    assert out.getvalue().strip() == "1 tilbud gikk ut, 0 deltakere fikk påminnelse."
    assert Registration.objects.get(pk=bo.pk).cancel_reason == CancelReason.OFFER_LAPSED
    cato = register(soon, "Cato Eng", days=[soon.first_day.isoformat()])
    mail.outbox.clear()
    call_command("conferences_remind", stdout=StringIO())
    assert [m.to for m in mail.outbox] == [["cato@example.no"]]
    assert mail.outbox[0].subject == "Påminnelse: Partnerskapskonferansen i Ørland"
    assert mail.outbox[0].attachments[0][0] == "arrangement.ics"
    call_command("conferences_remind", stdout=StringIO())
    assert len(mail.outbox) == 1  # once
    assert Registration.objects.get(pk=cato.pk).reminder_sent_at is not None


def test_registering_through_an_invitation_link(world, body, client):
    from partnerskap.conferences.tokens import invitation_token

    event = make_event(world, slug="kun-inviterte", registration_mode=RegistrationMode.INVITATION)
    invitation = services.invitation_add(
        actor=world.nav_leader,
        event=event,
        name="Ada Berg",
        email="ada@example.no",
        municipality=world.orland_municipality,
    )
    url = f"/offentlig/arrangementer/{event.slug}/pamelding/"
    without = client.get(url).content.decode()
    assert "Påmelding er for inviterte" in without and 'name="email"' not in without
    link = f"{url}?invitasjon={invitation_token(invitation)}"
    form = client.get(link)
    assert form.context["form"].initial["email"] == "ada@example.no"
    response = client.post(
        link,
        {
            "name": "Ada Berg",
            "email": "ada@example.no",
            "days": [d.isoformat() for d in event.days],
        },
    )
    assert response.status_code == 302
    assert Registration.objects.get(event=event).invitation == invitation
    refused = client.post(url, {"name": "Bo Dahl", "email": "bo@example.no"})
    assert refused.status_code == 400 and "Påmelding er for inviterte" in refused.content.decode()
    assert Registration.objects.filter(event=event).count() == 1
