"""The annual plan's year links end where the body's meetings and plans do (issue 14: a crawler
followed them to 1935 and 2117)."""

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _links(client, body, year: int) -> set[int]:
    html = client.get(reverse("meetings:annual_plan", args=[body.pk, year])).content.decode()
    return {
        y
        for y in range(year - 3, year + 4)
        if f'href="{reverse("meetings:annual_plan", args=[body.pk, y])}"' in html
    }


def test_year_links_stop_at_the_first_and_last_year(client, world, body, meeting):
    this_year = timezone.localdate().year
    assert meeting.starts_at.year == this_year + 1
    client.force_login(world.nav_leader)
    assert _links(client, body, this_year) == {this_year - 1, this_year + 1}
    assert _links(client, body, this_year + 1) == {this_year}  # the last meeting's year
    assert _links(client, body, this_year - 1) == {this_year}  # nothing before last year


def test_a_plan_years_ahead_extends_the_links(client, world, body, meeting):
    from partnerskap.meetings.models import AnnualPlan

    this_year = timezone.localdate().year
    AnnualPlan.objects.create(body=body, year=this_year + 3)
    client.force_login(world.nav_leader)
    assert _links(client, body, this_year + 2) == {this_year + 1, this_year + 3}
