"""Counted totals are checked: no overlap with other totals, open days and minutes that fit."""

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from partnerskap.demo import reception as seed
from partnerskap.reception import selectors, services
from partnerskap.reception.models import CountedTotals


def _add(world, location, **changes):
    fields = {
        "first_day": seed.LEKSVIK_FIRST,
        "last_day": seed.LEKSVIK_LAST,
        "days_observed": 5,
        "visits": 16,
        "minutes_with_visitors": 240,
    } | changes
    return services.totals_add(actor=world.nav_leader, location=location, **fields)


def _refused(world, location, **changes) -> dict:
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        _add(world, location, **changes)
    return refused.value.message_dict


def test_the_same_totals_saved_twice_are_refused_and_not_doubled(reception, world):
    errors = _refused(world, reception.leksvik)
    assert "allerede opptalte summer fra 15.01.2020 til 12.02.2020" in errors["first_day"][0]
    # A span that only partly overlaps is refused too.
    assert "first_day" in _refused(
        world, reception.leksvik, first_day=date(2020, 2, 5), last_day=date(2020, 2, 26),
        days_observed=2,
    )  # fmt: skip
    assert CountedTotals.objects.filter(location=reception.leksvik).count() == 1
    (leksvik,) = selectors.analyse_locations(
        [selectors.location_for_user(world.nav_leader, reception.leksvik.pk)],
        seed.LEKSVIK_FIRST,
        seed.LEKSVIK_LAST,
    )
    assert leksvik.analysis.visits == 16
    # The next span, not overlapping, is accepted.
    _add(world, reception.leksvik, first_day=date(2020, 2, 13), last_day=date(2020, 2, 26),
         days_observed=2)  # fmt: skip


def test_more_open_days_than_the_open_weekdays_in_the_span_are_refused(locations, world):
    # Leksvik is open on Wednesdays: 15.01–12.02.2020 holds five of them, not six.
    errors = _refused(world, locations.leksvik, days_observed=6)
    assert errors["days_observed"] == [
        "Åpne dager telt: 6 åpne dager får ikke plass i de 5 dagene Leksvik er åpent for "
        "oppmøte fra 15.01.2020 til 12.02.2020."
    ]


def test_more_minutes_with_visitors_than_staff_on_duty_had_are_refused(locations, world):
    # Two staff, 3 hours on each of 5 Wednesdays: at most 1800 staff minutes.
    _add(world, locations.leksvik, minutes_with_visitors=1800)
    CountedTotals.objects.all().delete()
    errors = _refused(world, locations.leksvik, minutes_with_visitors=1801)
    assert "Minutter med besøkende: 1801" in errors["minutes_with_visitors"][0]
    assert "1800" in errors["minutes_with_visitors"][0]


def test_the_api_refuses_overlapping_and_impossible_totals_with_422(reception, client, world):
    client.force_login(world.nav_leader)
    url = f"/api/v1/reception/locations/{reception.leksvik.pk}/totals"
    body = {
        "first_day": "2020-01-15",
        "last_day": "2020-02-12",
        "days_observed": 5,
        "visits": 16,
        "minutes_with_visitors": 240,
    }
    again = client.post(url, json.dumps(body), content_type="application/json")
    assert again.status_code == 422
    assert again.json()["detail"][0]["loc"] == ["body", "first_day"]
    later = body | {"first_day": "2020-02-13", "last_day": "2020-02-26"}
    too_many = client.post(url, json.dumps(later | {"days_observed": 3}), "application/json")
    assert too_many.status_code == 422
    assert too_many.json()["detail"][0]["loc"] == ["body", "days_observed"]
    assert CountedTotals.objects.filter(location=reception.leksvik).count() == 1
