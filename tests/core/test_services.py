"""The write kernel: validation before saving, the author in the history, the optimistic lock."""

import pytest
from django.core.exceptions import ValidationError

from partnerskap.core.errors import ConflictError
from partnerskap.core.people import person_create
from partnerskap.core.services import bump_revision, claim_revision, save
from partnerskap.reception.models import Location


def test_save_validates_before_writing(world) -> None:
    person = world.member
    person.email = "not an address"
    with pytest.raises(ValidationError) as caught:
        save(person, actor=world.admin)
    assert "email" in caught.value.message_dict
    person.refresh_from_db()
    assert person.email != "not an address"


def test_save_records_the_actor_in_the_history(world) -> None:
    person = world.member
    person.job_title = "Rådgiver"
    save(person, actor=world.admin)
    record = person.history.latest()
    assert record.history_user == world.admin
    assert record.job_title == "Rådgiver"


@pytest.fixture
def location(world) -> Location:
    return Location.objects.create(office=world.orland_office, name="Brekstad")


def test_claim_revision_raises_the_revision(location) -> None:
    assert claim_revision(Location, location.pk, location.revision) == location.revision + 1
    location.refresh_from_db()
    assert location.revision == 2


def test_a_stale_revision_is_a_conflict_and_changes_nothing(location) -> None:
    claim_revision(Location, location.pk, 1)
    with pytest.raises(ConflictError):
        claim_revision(Location, location.pk, 1)
    location.refresh_from_db()
    assert location.revision == 2


def test_a_missing_revision_is_refused_not_skipped(location) -> None:
    with pytest.raises(ValidationError) as caught:
        claim_revision(Location, location.pk, None)
    assert "revision" in caught.value.message_dict
    location.refresh_from_db()
    assert location.revision == 1


def test_bump_revision_makes_open_copies_stale(location) -> None:
    bump_revision(Location, location.pk)
    with pytest.raises(ConflictError):
        claim_revision(Location, location.pk, 1)


def test_a_person_without_a_login(world) -> None:
    person = person_create(
        actor=world.admin,
        first_name="Styret i",
        last_name="Nettverket",
        organisation="KS-nettverket for sosialledere",
        email="Styret@Example.no",
    )
    assert not person.has_usable_password()
    assert person.organisation == "KS-nettverket for sosialledere"
    assert person.email == "styret@example.no"
    assert person.history.latest().history_user == world.admin


def test_a_person_needs_a_name_and_a_free_email(world) -> None:
    with pytest.raises(ValidationError) as caught:
        person_create(actor=world.admin, first_name=" ")
    assert "first_name" in caught.value.message_dict
    world.member.email = "kari@example.no"
    world.member.save()
    with pytest.raises(ValidationError) as caught:
        person_create(actor=world.admin, first_name="Kari", email="KARI@example.no")
    assert "email" in caught.value.message_dict


@pytest.mark.parametrize(("population", "message"), [(2**31, "for stort"), (-(2**31) - 1, "lite")])
def test_save_refuses_an_integer_its_column_cannot_hold_on_every_database(
    world, population, message
) -> None:
    """SQLite stores any integer, so Django's own range check (which follows the database in
    use) let a meeting item of 10¹³ minutes in there (issue 11)."""
    municipality = world.orland_municipality
    municipality.population = population
    with pytest.raises(ValidationError) as caught:
        save(municipality, actor=world.admin)
    assert message in caught.value.message_dict["population"][0]
    municipality.refresh_from_db()
    assert municipality.population != population
