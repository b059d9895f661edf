"""The pages: the organisers' (success, bad input, wrong method, anonymous, outsider, a reader
who may not manage) and the public ones a participant uses without a login."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partnerskap.conferences import services
from partnerskap.conferences.models import CheckIn, Event, Registration, RegistrationStatus
from partnerskap.conferences.tokens import registration_token

from ..clients import BrowserClient
from .conftest import register

pytestmark = pytest.mark.django_db


def _client(user=None) -> BrowserClient:
    client = BrowserClient()
    if user is not None:
        client.force_login(user)
    return client


def test_event_create_page(world):
    url = reverse("conferences:event_create")
    leader = _client(world.nav_leader)
    page = leader.get(url)
    assert page.status_code == 200
    assert [label for _value, label in page.context["form"].fields["organiser"].choices] == [
        "NAV Ørland"
    ]
    bad = leader.post(url, {"organiser": f"p{world.orland.pk}", "title": ""})
    assert bad.status_code == 400
    assert "Feltet må fylles ut." in bad.content.decode()
    assert not Event.objects.exists()
    day = timezone.localdate() + timedelta(days=30)
    good = leader.post(
        url,
        {
            "organiser": f"p{world.orland.pk}",
            "title": "Fagdag om ungdom",
            "slug": "fagdag-ungdom",
            "kind": "course_day",
            "first_day": day.isoformat(),
            "last_day": day.isoformat(),
            "place": "Brekstad",
            "registration_mode": "public",
            "registration_closes": (day - timedelta(days=7)).isoformat(),
            "questions": ["organisation", "diet"],
            "offer_hours": 48,
            "retention_days": 60,
        },
    )
    event = Event.objects.get()
    assert good.status_code == 302 and good["Location"] == f"/arrangementer/{event.pk}/"
    assert (event.organiser, event.questions, event.offer_hours) == (
        world.orland,
        ["organisation", "diet"],
        48,
    )
    assert event.registration_closes.astimezone().strftime("%H:%M") == "23:59"
    assert leader.put(url).status_code == 405
    assert _client().get(url)["Location"].startswith("/logg-inn/")
    assert _client(world.outsider).get(url).status_code == 403
    assert _client(world.member).get(url).status_code == 403


def test_event_pages_for_readers_and_outsiders(event, world):
    detail = reverse("conferences:event_detail", args=[event.pk])
    edit = reverse("conferences:event_edit", args=[event.pk])
    registrations = reverse("conferences:registration_list", args=[event.pk])
    member = _client(world.member)
    page = member.get(detail)
    assert page.status_code == 200 and "Partnerskapskonferansen i Ørland" in page.content.decode()
    assert "Endre arrangementet" not in page.content.decode()
    assert member.get(edit).status_code == 403
    assert member.get(registrations).status_code == 403  # personal data: managers only
    for person in (world.outsider, world.other_leader):
        assert _client(person).get(detail).status_code == 404
    # The minute-taker is a member of the body that follows the event: a manager.
    assert _client(world.minute_taker).get(registrations).status_code == 200


def test_event_edit_with_a_stale_revision(event, world):
    url = reverse("conferences:event_edit", args=[event.pk])
    client = _client(world.nav_leader)
    data = client.get(url).context["form"].initial
    services.event_update(
        actor=world.municipal_owner, event=event, revision=event.revision, place="Brekstad"
    )
    form = {
        k: (v.pk if hasattr(v, "pk") else v)
        for k, v in data.items()
        if v is not None and k != "audience_municipalities"
    }
    form["questions"] = data["questions"]
    form["registration_closes"] = data["registration_closes"].isoformat()
    form["first_day"], form["last_day"] = (
        data["first_day"].isoformat(),
        data["last_day"].isoformat(),
    )
    response = client.post(url, form)
    assert response.status_code == 409
    assert "Noen andre har lagret endringer" in response.content.decode()


def test_session_page_with_a_new_speaker_from_outside(event, world):
    url = reverse("conferences:session_add", args=[event.pk])
    client = _client(world.nav_leader)
    response = client.post(
        url,
        {
            "day": event.first_day.isoformat(),
            "starts": "14:00",
            "ends": "14:45",
            "title": "Indeks Nordland",
            "kind": "talk",
            "new_speaker_name": "Erlend Dekan",
            "new_speaker_organisation": "Nord universitet",
        },
    )
    assert response.status_code == 302
    session = event.sessions.get(title="Indeks Nordland")
    (speaker,) = [link.person for link in session.speaker_links.all()]
    assert (speaker.first_name, speaker.last_name, speaker.organisation) == (
        "Erlend",
        "Dekan",
        "Nord universitet",
    )
    clash = client.post(
        url,
        {
            "day": event.first_day.isoformat(),
            "starts": "14:15",
            "ends": "14:30",
            "title": "Kollisjon",
            "kind": "talk",
            "new_speaker_name": "Ikke Lagret",
        },
    )
    assert clash.status_code == 400
    assert "er samtidig i samme sal" in clash.content.decode()
    assert not event.sessions.filter(title="Kollisjon").exists()
    assert not speaker.__class__.objects.filter(first_name="Ikke").exists()  # rolled back


def test_publishing_from_the_programme_page(event, world):
    client = _client(world.nav_leader)
    programme = client.get(reverse("conferences:programme", args=[event.pk])).content.decode()
    assert "Versjon 1 ble publisert" in programme
    assert "Publiser programmet" not in programme  # nothing changed since
    response = client.post(reverse("conferences:programme_publish", args=[event.pk]), {"note": ""})
    assert response.status_code == 400
    assert "Programmet er ikke endret siden det ble publisert." in response.content.decode()


def test_public_registration_and_the_personal_page(
    event, world, django_capture_on_commit_callbacks
):
    client = _client()
    url = reverse("conferences:public_register", args=[event.slug])
    form = client.get(url)
    assert form.status_code == 200 and "Meld deg på" in form.content.decode()
    bad = client.post(url, {"name": "Ada Berg", "email": "ikke-en-adresse", "days": []})
    assert bad.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            url,
            {
                "name": "Ada Berg",
                "email": "ada@example.no",
                "municipality": world.orland_municipality.pk,
                "organisation": "Ørland kommune",
                "days": [event.first_day.isoformat()],
                "dinner": "yes",
                "dietary_needs": "Vegetar",
            },
        )
    registration = Registration.objects.get(email="ada@example.no")
    token = registration_token(registration)
    assert done["Location"] == f"/offentlig/arrangementer/deltaker/{token}/"
    assert (registration.dinner, registration.dietary_needs) == (True, "Vegetar")
    assert token in mail.outbox[0].body
    personal = client.get(done["Location"]).content.decode()
    assert "Du er påmeldt. Velkommen!" in personal and "Vegetar" in personal
    assert client.get("/offentlig/arrangementer/deltaker/feil:token/").status_code == 404
    tampered = token[:-2] + ("aa" if not token.endswith("aa") else "bb")
    assert client.get(f"/offentlig/arrangementer/deltaker/{tampered}/").status_code == 404
    cancel = reverse("conferences:participant_cancel", args=[token])
    assert client.get(cancel).status_code == 200
    client.post(cancel)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_the_offer_is_accepted_on_the_personal_page(event):
    people = [register(event, n) for n in ("Ada Berg", "Bo Dahl", "Cato Eng", "Dina Fjell")]
    client = _client()
    services.registration_cancel(actor=None, registration=people[0])
    token = registration_token(people[3])
    page = client.get(reverse("conferences:participant", args=[token])).content.decode()
    assert "En plass er blitt ledig for deg" in page
    client.post(reverse("conferences:participant_accept", args=[token]))
    assert Registration.objects.get(pk=people[3].pk).status == RegistrationStatus.REGISTERED


def test_check_in_one_tap_with_htmx(event, world):
    ada = register(event, "Ada Berg")
    url = reverse("conferences:check_in", args=[event.pk]) + f"?dag={event.first_day.isoformat()}"
    client = _client(world.nav_leader)
    page = client.get(url)
    assert page.status_code == 200 and "0 av 1 påmeldte har kommet." in page.content.decode()
    row = client.post(url, {"registration": ada.pk, "present": "on"}, HTTP_HX_REQUEST="true")
    html = row.content.decode()
    assert row.status_code == 200 and "Angre" in html
    assert 'hx-swap-oob="true"' in html and "1 av 1 påmeldte har kommet." in html
    assert CheckIn.objects.filter(registration=ada, day=event.first_day).count() == 1
    undo = client.post(url, {"registration": ada.pk})
    assert undo.status_code == 302 and undo["Location"].endswith(f"#person-{ada.pk}")
    assert not CheckIn.objects.exists()
    assert client.post(url, {}).status_code == 400
    assert _client(world.member).get(url).status_code == 403
    assert _client(world.nav_leader).get(url.replace("?dag=", "?dag=1999-")).status_code == 404


def test_the_evaluation_pages(event, world, django_capture_on_commit_callbacks):
    people = [register(event, n) for n in ("Ada Berg", "Bo Dahl")]
    leader = _client(world.nav_leader)
    leader.post(
        reverse("conferences:survey_create", args=[event.pk]),
        {"title": "Evaluering", "anonymous": "on"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        leader.post(reverse("conferences:survey_open", args=[event.pk]))
    assert len(mail.outbox) == 2 and "anonyme" in mail.outbox[0].body
    survey = event.survey
    questions = list(survey.questions.order_by("position"))
    participant = _client()
    answer = reverse("conferences:evaluation_answer", args=[registration_token(people[0])])
    form = participant.get(answer)
    assert (
        form.status_code == 200 and "Helhetsinntrykket ditt av konferansen" in form.content.decode()
    )
    wrong = participant.post(answer, {f"question_{questions[0].pk}": "9"})
    assert wrong.status_code == 400
    participant.post(
        answer,
        {
            f"question_{questions[0].pk}": "4",
            f"question_{questions[2].pk}": "yes",
            f"question_{questions[3].pk}": "Mer om ungdom",
        },
    )
    assert "Du har svart på evalueringen. Takk!" in participant.get(answer).content.decode()
    summary = leader.get(reverse("conferences:evaluation", args=[event.pk])).content.decode()
    assert "1 av 2 deltakere" in summary
    assert "<svg" in summary and "Vis tallene som tabell" in summary
    assert "Mer om ungdom" in summary
    with django_capture_on_commit_callbacks(execute=True):
        leader.post(reverse("conferences:survey_remind", args=[event.pk]))
    assert [m.to for m in mail.outbox[2:]] == [["bo@example.no"]]  # only who has not answered
    again = leader.post(reverse("conferences:survey_remind", args=[event.pk]))
    assert again.status_code == 400 and "Det sendes bare én" in again.content.decode()
    # A reader of the partnership sees the summary, not the answers with their rows.
    member = _client(world.member)
    assert member.get(reverse("conferences:evaluation", args=[event.pk])).status_code == 200
    assert member.get(reverse("conferences:answers_xlsx", args=[event.pk])).status_code == 403


def test_attach_the_summary_to_the_following_bodys_meeting(event, world, meeting):
    leader = _client(world.nav_leader)
    services.survey_create(actor=world.nav_leader, event=event, title="Evaluering")
    url = reverse("conferences:summary_attach", args=[event.pk])
    item = meeting.items.order_by("position").first()
    assert item in leader.get(url).context["form"].fields["item"].queryset
    response = leader.post(url, {"item": item.pk, "title": "Evaluering av konferansen"})
    assert response.status_code == 302
    attachment = item.attachments.get()
    assert (
        attachment.title == "Evaluering av konferansen"
        and attachment.content_type == "application/pdf"
    )
