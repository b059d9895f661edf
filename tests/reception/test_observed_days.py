"""The analysis rests on the days actually observed: days nobody counted are not zero-visit days."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerskap.reception import selectors
from partnerskap.reception.analysis import to_decimal


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _by_name(reception, first, last):
    locations = selectors.office_locations(reception.rissa.office)
    return {a.location.name: a for a in selectors.analyse_locations(locations, first, last)}


def test_a_period_with_no_data_is_not_counted_rather_than_zero_visits(reception, client, world):
    found = _by_name(reception, date(2020, 3, 1), date(2020, 3, 31))
    assert found["Rissa"].analysis is None
    assert found["Leksvik"].analysis is None
    client.force_login(world.member)
    url = reverse("reception:analysis", args=[world.orland_office.pk])
    text = _text(client.get(url, {"first_day": "2020-03-01", "last_day": "2020-03-31"}))
    assert text.count("Ikke telt i perioden") == 2
    assert "Besøk per åpen dag" not in text


def test_a_period_wider_than_the_observed_days_keeps_rissa_at_12_8(reception, client, world):
    found = _by_name(reception, date(2020, 1, 9), date(2020, 6, 30))
    rissa = found["Rissa"]
    assert (rissa.analysis.open_days, rissa.analysis.visits) == (17, 218)
    assert to_decimal(rissa.analysis.visits_per_open_day) == Decimal("12.8")
    assert rissa.analysis.idle_staff_hours == 75
    assert (rissa.basis_days, rissa.basis_first) == (17, date(2020, 1, 9))
    client.force_login(world.member)
    url = reverse("reception:analysis", args=[world.orland_office.pk])
    text = _text(client.get(url, {"first_day": "2020-01-09", "last_day": "2020-06-30"}))
    assert "Besøk per åpen dag: 12,8" in text
    assert "17 dagene med registrerte besøk, fra 09.01.2020 til 17.02.2020" in text


def test_totals_that_partly_overlap_the_period_are_used_over_their_own_span(reception):
    leksvik = _by_name(reception, date(2020, 1, 20), date(2020, 2, 17))["Leksvik"]
    assert leksvik.analysis.basis == "totals"
    assert (leksvik.analysis.visits, leksvik.analysis.idle_staff_hours) == (16, 26)
    assert (leksvik.basis_first, leksvik.basis_last) == (date(2020, 1, 15), date(2020, 2, 12))


def test_the_api_says_which_days_the_figures_rest_on_and_leaves_out_uncounted(
    reception, client, world
):
    client.force_login(world.member)
    url = f"/api/v1/offices/{world.orland_office.pk}/reception/analysis"
    wide = client.get(url, {"first_day": "2020-01-09", "last_day": "2020-06-30"}).json()
    rissa = next(i for i in wide["locations"] if i["location"] == "Rissa")
    assert (rissa["basis_days"], rissa["basis_last"]) == (17, "2020-02-17")
    per_day = next(f for f in rissa["figures"] if f["key"] == "visits_per_open_day")
    assert round(per_day["value"], 1) == 12.8
    empty = client.get(url, {"first_day": "2020-03-01", "last_day": "2020-03-31"}).json()
    assert empty["locations"] == []


def test_a_scenario_over_a_period_leksvik_was_not_counted_is_refused_not_zero(reception, world):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from partnerskap.reception import services
    from partnerskap.reception.models import ChangeKind

    scenario = services.scenario_create(
        actor=world.nav_leader,
        office=world.orland_office,
        name="Mars",
        first_day=date(2020, 3, 1),
        last_day=date(2020, 3, 31),
        open_weeks=30,
    )
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        services.change_add(
            actor=world.nav_leader,
            scenario=scenario,
            location=reception.leksvik,
            kind=ChangeKind.CLOSE,
        )
    assert "Leksvik" in refused.value.message_dict["location"][0]
    assert not scenario.changes.exists()
