"""The analysis page's default span is the last twelve months with data (issue 16), said on the
page, and the form chooses any other."""

import re
from datetime import date, time

from django.urls import reverse

from partnerskap.reception.models import Visit, VisitSource
from partnerskap.reception.selectors import default_period


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_default_period_is_the_last_twelve_months_of_the_data():
    assert default_period((date(2014, 3, 1), date(2026, 12, 7))) == (
        date(2025, 12, 8),
        date(2026, 12, 7),
    )
    assert default_period((date(2020, 1, 9), date(2020, 2, 17))) == (
        date(2020, 1, 9),
        date(2020, 2, 17),
    )
    assert default_period((date(2019, 1, 1), date(2024, 2, 29)))[0] == date(2023, 3, 1)


def test_the_page_shows_the_last_twelve_months_and_the_form_chooses_another(
    client, world, reception
):
    # a visit at Rissa three years before the seed's: outside the default span
    Visit.objects.create(
        location=reception.rissa,
        day=date(2017, 1, 9),
        arrival=time(11, 30),
        minutes=10,
        source=VisitSource.COUNTER,
        created_by=world.nav_leader,
    )
    client.force_login(world.member)
    url = reverse("reception:analysis", args=[world.orland_office.pk])
    text = _text(client.get(url))
    assert "Periode: 18.02.2019 til 17.02.2020" in text
    assert "Viser de siste 12 månedene med data." in text
    text = _text(client.get(url + "?first_day=2017-01-01&last_day=2020-02-17"))
    assert "Periode: 01.01.2017 til 17.02.2020" in text
    assert "Viser de siste 12 månedene" not in text
