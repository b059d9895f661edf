"""Registrations per organisation: the county director sees which invited municipalities have
nobody registered, and one click reminds their NAV leaders — once (issue 21, done point 2)."""

import pytest
from django.core import mail
from django.urls import reverse

from partnerskap.conferences import services
from partnerskap.conferences.models import MunicipalityReminder

from ..clients import BrowserClient
from .conftest import register

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_up(nordland):
    """Narvik and Fauske have registrations; Saltdal, Meløy and Rødøy have none."""
    m = nordland.municipalities
    register(nordland.event, "Kari Nilsen", municipality=m["Narvik"], organisation="NAV Ofoten")
    register(nordland.event, "Per Hansen", municipality=m["Narvik"], organisation="Narvik kommune")
    register(nordland.event, "Siri Lund", municipality=m["Fauske"], organisation="NAV Indre Salten")
    register(nordland.event, "Ola Berg", organisation="Nord universitet")
    mail.outbox.clear()
    return nordland


def test_the_view_lists_the_municipalities_without_registrations(signed_up, client):
    client.force_login(signed_up.director)
    url = reverse("conferences:organisations", args=[signed_up.event.pk])
    response = client.get(url)
    assert response.status_code == 200
    rows = {
        r.municipality.name: (r.registered, r.waitlisted)
        for r in response.context["rows"].municipalities
    }
    assert rows == {
        "Narvik": (2, 0),
        "Fauske": (1, 0),
        "Saltdal": (0, 0),
        "Meløy": (0, 0),
        "Rødøy": (0, 0),
    }
    assert [r.municipality.name for r in response.context["rows"].missing] == [
        "Rødøy",
        "Meløy",
        "Saltdal",
    ]
    page = response.content.decode()
    assert "3 kommuner har ingen påmeldte." in page
    assert page.count("Ingen påmeldte") == 3
    assert response.context["rows"].others == [("Nord universitet", 1, 0)]
    assert "Send påminnelse til NAV-lederne deres" in page


def test_the_reminder_reaches_each_nav_leader_once(
    signed_up, client, django_capture_on_commit_callbacks
):
    client.force_login(signed_up.director)
    url = reverse("conferences:municipalities_remind", args=[signed_up.event.pk])
    asked = client.get(url)
    assert [r.municipality.name for r in asked.context["rows"]] == ["Rødøy", "Meløy", "Saltdal"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    by_leader = {tuple(m.to): m for m in mail.outbox}
    assert sorted(by_leader) == [("leder.indresalten@nav.example",), ("leder.meloy@nav.example",)]
    meloy = by_leader[("leder.meloy@nav.example",)]
    assert meloy.subject == "Ingen påmeldte ennå til Partnerskapskonferansen i Nordland"
    assert ": Meløy, Rødøy." in meloy.body  # both of the leader's municipalities, in one e-mail
    assert "/offentlig/arrangementer/partnerskapskonferansen-nordland/" in meloy.body
    assert ": Saltdal." in by_leader[("leder.indresalten@nav.example",)].body
    assert MunicipalityReminder.objects.filter(event=signed_up.event).count() == 3

    # Again, through the page or the service: nothing more is sent or recorded.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
        assert services.municipalities_remind(actor=signed_up.director, event=signed_up.event) == []
    assert len(mail.outbox) == 2
    assert MunicipalityReminder.objects.count() == 3
    page = client.get(
        reverse("conferences:organisations", args=[signed_up.event.pk])
    ).content.decode()
    assert "Send påminnelse til NAV-lederne deres" not in page


def test_a_municipality_that_signs_up_later_is_not_reminded(
    signed_up, django_capture_on_commit_callbacks
):
    register(signed_up.event, "Eva Moe", municipality=signed_up.municipalities["Saltdal"])
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.municipalities_remind(actor=signed_up.director, event=signed_up.event)
    assert sorted(r.municipality.name for r in sent) == ["Meløy", "Rødøy"]
    assert [m.to for m in mail.outbox] == [["leder.meloy@nav.example"]]


def test_a_nav_leader_may_not_send_the_reminders(signed_up):
    client = BrowserClient()
    client.force_login(signed_up.leaders["leder.ofoten"])
    url = reverse("conferences:municipalities_remind", args=[signed_up.event.pk])
    assert client.post(url).status_code == 404  # a county's event is internal to the county
    assert not mail.outbox
