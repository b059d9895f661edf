"""The PDF attaches only to open agenda items of the office's meetings that the person runs."""

import json
from datetime import date

import pytest
from django.urls import reverse

from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import Attachment, BodyKind
from partnerskap.reception import services

from ..factories import PartnershipFactory
from ..meetings.conftest import at


def _item(actor, partnership, slug: str, title: str):
    body = meeting_services.body_create(
        actor=actor,
        name=f"Møte {slug}",
        kind=BodyKind.PARTNERSHIP_MEETING,
        slug=slug,
        partnership=partnership,
    )
    day = date(date.today().year + 1, 4, 14)
    meeting = meeting_services.meeting_schedule(
        actor=actor, body=body, starts_at=at(day, 10), ends_at=at(day, 12)
    )
    item = meeting_services.item_add(actor=actor, meeting=meeting, title=title, kind="decision")
    return meeting, item


@pytest.fixture
def targets(world, reception):
    scenario = services.scenario_create(
        actor=world.nav_leader,
        office=world.orland_office,
        name="Kortere åpningstid",
        first_day=date(2020, 1, 9),
        last_day=date(2020, 2, 17),
        open_weeks=30,
    )
    _, open_item = _item(world.admin, world.orland, "orland-pm", "Sak som kan få vedlegg")
    # Another partnership's meeting (another office).
    _, elsewhere = _item(world.admin, world.other, "alesund-pm", "Sak hos Ålesund")
    # A second partnership at the same office, where the NAV leader has no role.
    second = PartnershipFactory(office=world.orland_office, name="NAV Ørland og Bjugn")
    _, not_run = _item(world.admin, second, "bjugn-pm", "Sak i et møte lederen ikke leder")
    # An Ørland meeting whose agenda is closed (cancelled).
    closed_meeting, closed = _item(world.admin, world.orland, "orland-am", "Sak i avlyst møte")
    meeting_services.meeting_cancel(actor=world.admin, meeting=closed_meeting, reason="Flyttet")
    return scenario, open_item, {"elsewhere": elsewhere, "not_run": not_run, "closed": closed}


@pytest.mark.parametrize(
    ("persona", "case"),
    [
        ("admin", "elsewhere"),  # an administrator runs every body: only the office filter
        ("admin", "closed"),
        ("nav_leader", "elsewhere"),
        ("nav_leader", "not_run"),
        ("nav_leader", "closed"),
    ],
)
def test_items_outside_the_attach_targets_are_refused_on_the_page_and_the_api(
    client, world, targets, settings, tmp_path, persona, case
):
    settings.MEDIA_ROOT = tmp_path
    scenario, open_item, refused = targets
    item = refused[case]
    client.force_login(getattr(world, persona))
    page = reverse("reception:scenario_attach", args=[scenario.pk])
    offered = client.get(page).content.decode()
    assert open_item.title in offered
    assert item.title not in offered
    response = client.post(page, {"item": item.pk, "title": "Mottaket"})
    assert response.status_code == 400
    assert "gyldig valg" in response.content.decode()
    api = client.post(
        f"/api/v1/reception/scenarios/{scenario.pk}/attach",
        json.dumps({"item_id": item.pk}),
        content_type="application/json",
    )
    assert api.status_code == 422
    assert api.json()["detail"][0]["msg"].startswith(f"Ingen åpen sak {item.pk}")
    assert not Attachment.objects.filter(item=item).exists()
    # The open item of a meeting the person runs is accepted.
    ok = client.post(page, {"item": open_item.pk, "title": "Mottaket"})
    assert ok.status_code == 302
