"""An office's county belongs to the state side (found by tests/test_access_walker_ids.py): a
NAV leader could move their office, and its service area, into another county."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from partnerskap.registry import services
from partnerskap.registry.models import County, Office, ServiceArea

from ..clients import BrowserClient


def _other_county(world) -> County:
    return County.objects.get(number="15")


def test_a_nav_leader_cannot_move_their_office_to_another_county(world):
    with pytest.raises(ValidationError) as refused:
        services.office_save(
            actor=world.nav_leader, office=world.orland_office, county=_other_county(world)
        )
    assert list(refused.value.message_dict) == ["county"]
    assert Office.objects.get(pk=world.orland_office.pk).county == world.county


def test_the_county_director_may_move_an_office_of_their_county(world):
    services.office_save(
        actor=world.county_director, office=world.orland_office, county=_other_county(world)
    )
    assert Office.objects.get(pk=world.orland_office.pk).county == _other_county(world)


def test_a_service_area_of_another_county_is_refused_even_for_an_administrator(world):
    area = ServiceArea.objects.create(
        county=_other_county(world), name="Sunnmøre", valid_from=date(2018, 1, 1)
    )
    with pytest.raises(ValidationError) as refused:
        services.office_save(actor=world.admin, office=world.orland_office, service_area=area)
    assert "Sunnmøre" in refused.value.message_dict["service_area"][0]
    assert Office.objects.get(pk=world.orland_office.pk).service_area is None


def test_the_office_page_shows_the_refusal_on_the_county_field(world):
    client = BrowserClient()
    client.force_login(world.nav_leader)
    url = f"/kontor/{world.orland_office.pk}/rediger/"
    form = client.get(url).context["form"]
    data = {b.html_name: str(b.value()) for b in form if b.value() not in (None, "")}
    data["county"] = str(_other_county(world).pk)
    response = client.post(url, data)
    assert response.status_code == 400  # the form again, with its errors
    assert "county" in response.context["form"].errors
    assert Office.objects.get(pk=world.orland_office.pk).county == world.county
