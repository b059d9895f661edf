"""Registrations and counted totals are never added together, nor silently dropped (0018)."""

import re
from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from partnerskap.reception import selectors, services
from partnerskap.reception.models import Visit


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_one_tapped_visit_does_not_silently_drop_leksviks_totals(reception, world, client):
    # A Wednesday after the totals' span: allowed, but the period then holds both kinds.
    services.visit_register(
        actor=world.nav_leader,
        location=reception.leksvik,
        day=date(2020, 2, 19),
        arrival=time(10, 30),
        minutes=10,
    )
    leksvik = selectors.location_for_user(world.nav_leader, reception.leksvik.pk)
    (found,) = selectors.analyse_locations([leksvik], date(2020, 1, 15), date(2020, 2, 29))
    assert found.analysis is None
    assert found.mixed == (
        (date(2020, 2, 19), date(2020, 2, 19)),
        (date(2020, 1, 15), date(2020, 2, 12)),
    )
    # Each kind alone is analysed from its own days.
    (totals,) = selectors.analyse_locations([leksvik], date(2020, 1, 15), date(2020, 2, 12))
    assert (totals.analysis.basis, totals.analysis.visits) == ("totals", 16)
    (tapped,) = selectors.analyse_locations([leksvik], date(2020, 2, 13), date(2020, 2, 29))
    assert (tapped.analysis.basis, tapped.analysis.visits) == ("registrations", 1)
    client.force_login(world.member)
    url = reverse("reception:analysis", args=[world.orland_office.pk])
    text = _text(client.get(url, {"first_day": "2020-01-15", "last_day": "2020-02-29"}))
    assert (
        "Ikke analysert: perioden har både registrerte besøk (19.02.2020 til 19.02.2020) "
        "og opptalte summer (15.01.2020 til 12.02.2020)" in text
    )


def test_a_visit_on_a_day_with_counted_totals_is_refused(reception, world):
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        services.visit_register(
            actor=world.nav_leader,
            location=reception.leksvik,
            day=date(2020, 1, 22),
            arrival=time(10, 30),
            minutes=10,
        )
    assert "ville blitt telt to ganger" in refused.value.message_dict["day"][0]
    assert not Visit.objects.filter(location=reception.leksvik).exists()


def test_totals_over_days_with_registered_visits_are_refused(reception, world):
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        services.totals_add(
            actor=world.nav_leader,
            location=reception.rissa,
            first_day=date(2020, 1, 13),
            last_day=date(2020, 1, 17),
            days_observed=3,
            visits=30,
            minutes_with_visitors=100,
        )
    assert "Rissa har 37 besøk registrert ett og ett" in refused.value.message_dict["first_day"][0]


def test_an_imported_row_on_a_day_with_counted_totals_names_row_and_column(reception, world):
    content = "dato;sted;ankomst;minutter\n2020-02-19;Leksvik;10:20;9\n2020-01-22;Leksvik;10:40;5\n"
    upload = SimpleUploadedFile("leksvik.csv", content.encode())
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        services.import_preview(actor=world.nav_leader, office=world.orland_office, file=upload)
    (message,) = refused.value.message_dict["file"]
    assert message.startswith("Rad 3, kolonne «dato»: Leksvik har opptalte summer")


def test_a_scenario_over_a_period_with_both_kinds_is_refused_with_a_message(reception, world):
    from partnerskap.reception.models import ChangeKind

    services.visit_register(
        actor=world.nav_leader,
        location=reception.leksvik,
        day=date(2020, 2, 19),
        arrival=time(10, 30),
        minutes=10,
    )
    scenario = services.scenario_create(
        actor=world.nav_leader,
        office=world.orland_office,
        name="Vinter",
        first_day=date(2020, 1, 15),
        last_day=date(2020, 2, 29),
        open_weeks=30,
    )
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        services.change_add(
            actor=world.nav_leader, scenario=scenario, location=reception.leksvik,
            kind=ChangeKind.CLOSE,
        )  # fmt: skip
    assert refused.value.message_dict["location"] == [
        "Leksvik har både registrerte besøk og opptalte summer i perioden; "
        "velg en periode med bare den ene."
    ]
