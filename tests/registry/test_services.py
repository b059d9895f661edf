from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from partnerskap.registry import services
from partnerskap.registry.models import (
    Municipality,
    OpeningHours,
    Owner,
    Partnership,
    PartnershipModel,
)

from ..factories import MunicipalityFactory, OfficeFactory


def test_municipality_number_must_be_four_digits(world):
    with pytest.raises(ValidationError) as exc:
        services.municipality_save(
            actor=world.admin,
            number="57",
            name="Feil",
            county=world.county,
            valid_from=date(2020, 1, 1),
        )
    assert "number" in exc.value.message_dict
    assert not Municipality.objects.filter(name="Feil").exists()


def test_municipality_number_cannot_overlap_in_time(world):
    with pytest.raises(ValidationError) as exc:
        services.municipality_save(
            actor=world.admin,
            number="5057",
            name="Ørland igjen",
            county=world.county,
            valid_from=date(2021, 1, 1),
        )
    assert "valid_from" in exc.value.message_dict


def test_merger_keeps_history_with_validity_dates(world):
    old = MunicipalityFactory(
        number="5015",
        name="Ørland",
        county=world.county,
        valid_from=date(2018, 1, 1),
        valid_to=date(2019, 12, 31),
    )
    successor = services.municipality_save(
        actor=world.admin,
        number="5015",
        name="Ørland (ny)",
        county=world.county,
        valid_from=date(2020, 1, 1),
    )
    assert old.pk != successor.pk
    assert Municipality.objects.valid_on(date(2019, 6, 1)).filter(number="5015").get() == old
    assert Municipality.objects.valid_on(date(2020, 6, 1)).filter(number="5015").get() == successor


def test_partnership_without_state_owner_is_refused_and_nothing_saved(world):
    office = OfficeFactory(county=world.county)
    with pytest.raises(ValidationError) as exc:
        services.partnership_save(
            actor=world.admin,
            name="Uten stat",
            office=office,
            model=PartnershipModel.SINGLE,
            valid_from=date(2020, 1, 1),
            state_county=None,
            municipalities=[world.orland_municipality],
        )
    assert "state_county" in exc.value.message_dict
    assert not Partnership.objects.filter(name="Uten stat").exists()


def test_host_partnership_needs_host_among_members(world):
    office = OfficeFactory(county=world.county)
    members = [MunicipalityFactory(county=world.county) for _ in range(3)]
    partnership = services.partnership_save(
        actor=world.admin,
        name="Vertskommune",
        office=office,
        model=PartnershipModel.HOST,
        valid_from=date(2020, 1, 1),
        state_county=world.county,
        municipalities=members,
        host_municipality=members[0],
    )
    owners = Owner.objects.filter(partnership=partnership)
    assert owners.count() == 4
    assert owners.get(is_host=True).municipality == members[0]
    with pytest.raises(ValidationError) as exc:
        services.partnership_save(
            actor=world.admin,
            name="Uten vert",
            office=office,
            model=PartnershipModel.HOST,
            valid_from=date(2020, 1, 1),
            state_county=world.county,
            municipalities=members,
        )
    assert "host_municipality" in exc.value.message_dict


def test_opening_hours_change_is_recorded_with_actor(world):
    office = world.orland_office
    services.office_opening_hours_set(
        actor=world.nav_leader,
        office=office,
        hours=[services.DayHours(0, time(10), time(14)), services.DayHours(1, time(9), time(15))],
    )
    monday = OpeningHours.objects.get(office=office, weekday=0)
    assert (monday.opens, monday.closes) == (time(10), time(14))
    latest = OpeningHours.history.filter(office_id=office.pk).order_by("-history_date").first()
    assert latest.history_user == world.nav_leader


def test_opening_hours_refuse_closing_before_opening(world):
    with pytest.raises(ValidationError):
        services.office_opening_hours_set(
            actor=world.nav_leader,
            office=world.orland_office,
            hours=[services.DayHours(0, time(15), time(9))],
        )
    monday = OpeningHours.objects.get(office=world.orland_office, weekday=0)
    assert (monday.opens, monday.closes) == (time(9), time(15))
