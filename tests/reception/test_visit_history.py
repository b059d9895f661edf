"""Removed visits leave a trace; a withdrawn file can be imported again; stale previews go."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnerskap.reception import services
from partnerskap.reception.models import ImportStatus, Visit, VisitImport

FILE = "dato;sted;ankomst;minutter\n2020-03-02;Rissa;11:00;5\n2020-03-03;Rissa;11:30;7\n"


def _preview(world, text: str = FILE, name: str = "mars.csv") -> VisitImport:
    upload = SimpleUploadedFile(name, text.encode())
    visit_import, _parsed = services.import_preview(
        actor=world.nav_leader, office=world.orland_office, file=upload
    )
    return visit_import


def test_a_removed_visit_keeps_who_removed_it_and_when(locations, world):
    visit = services.visit_register(
        actor=world.nav_leader,
        location=locations.rissa,
        day=date(2020, 1, 13),
        arrival=time(11, 5),
        minutes=6,
    )
    services.visit_delete(actor=world.municipal_owner, visit=visit)
    assert not Visit.objects.exists()
    removed = Visit.history.get(history_type="-")
    assert removed.history_user == world.municipal_owner
    assert (removed.day, removed.arrival, removed.minutes) == (date(2020, 1, 13), time(11, 5), 6)


def test_a_file_whose_visits_were_all_removed_can_be_imported_again(locations, world):
    first = _preview(world)
    services.import_confirm(actor=world.nav_leader, visit_import=first, keep_outside_hours=False)
    with pytest.raises(ValidationError):  # while its visits are there: not twice
        _preview(world)
    one, two = Visit.objects.filter(visit_import=first)
    services.visit_delete(actor=world.nav_leader, visit=one)
    first.refresh_from_db()
    assert first.status == ImportStatus.DONE  # one visit of the file is still counted
    with pytest.raises(ValidationError):
        _preview(world)
    services.visit_delete(actor=world.nav_leader, visit=two)
    first.refresh_from_db()
    assert first.status == ImportStatus.WITHDRAWN
    again = _preview(world)
    assert (
        services.import_confirm(
            actor=world.nav_leader, visit_import=again, keep_outside_hours=False
        )
        == 2
    )


def test_previews_nobody_confirmed_within_a_day_are_discarded(locations, world):
    stale = _preview(world, name="gammel.csv")
    fresh = _preview(world, FILE.replace("11:00", "11:10"), name="ny.csv")
    VisitImport.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - timedelta(days=1, minutes=1)
    )
    VisitImport.objects.filter(pk=fresh.pk).update(created_at=timezone.now() - timedelta(hours=23))
    newest = _preview(world, FILE.replace("11:00", "11:20"), name="nyest.csv")
    left = set(VisitImport.objects.values_list("pk", flat=True))
    assert left == {fresh.pk, newest.pk}
