"""Status over time, copied forward; and the bad input the services refuse, saving nothing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from partnerskap.projects import services
from partnerskap.projects.models import Health, Milestone, Pilot, StatusEntry

from .conftest import YEAR


def test_a_new_reporting_date_copies_every_row_forward(world, nordland):
    entries = services.status_report(
        actor=world.nav_leader,
        project=nordland.project,
        reported_on=date(YEAR, 2, 20),
        values={
            nordland.indre.status_row.pk: {"health": "at_risk", "status_text": "Starte dialog"}
        },
    )
    by_row = {e.row.label: e for e in entries}
    assert len(entries) == 3
    assert by_row["Indre Salten"].health == Health.AT_RISK
    assert by_row["Indre Salten"].progress == "Plan"  # what was not given is carried forward
    assert not by_row["Indre Salten"].copied
    assert by_row["Ofoten"].copied and by_row["Ofoten"].status_text == "I rute"
    nordland.project.refresh_from_db()
    assert nordland.project.health == Health.AT_RISK  # the worst row


def test_the_history_of_a_pilot_keeps_every_entry(world, nordland):
    for day in (date(YEAR, 2, 1), date(YEAR, 3, 1)):
        services.status_report(
            actor=world.nav_leader,
            project=nordland.project,
            reported_on=day,
            values={nordland.ofoten.status_row.pk: {"progress": f"Fremdrift {day}"}},
        )
    history = StatusEntry.objects.filter(row__pilot=nordland.ofoten).order_by("reported_on")
    assert [e.reported_on for e in history] == [
        date(YEAR, 1, 5),
        date(YEAR, 2, 1),
        date(YEAR, 3, 1),
    ]
    assert [e.progress for e in history] == [
        "Plan",
        f"Fremdrift {date(YEAR, 2, 1)}",
        f"Fremdrift {date(YEAR, 3, 1)}",
    ]


def test_a_date_already_reported_is_refused_and_nothing_saved(world, nordland):
    before = StatusEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.status_report(
            actor=world.nav_leader,
            project=nordland.project,
            reported_on=date(YEAR, 1, 5),
            values={nordland.ofoten.status_row.pk: {"health": "off_track"}},
        )
    assert "05.01." in caught.value.message_dict["reported_on"][0]
    assert "allerede rapportert" in caught.value.message_dict["reported_on"][0]
    assert StatusEntry.objects.count() == before


def test_a_date_before_the_last_report_is_refused(world, nordland):
    with pytest.raises(ValidationError) as caught:
        services.status_report(
            actor=world.nav_leader,
            project=nordland.project,
            reported_on=date(YEAR, 1, 1),
            values={},
        )
    assert "reported_on" in caught.value.message_dict


def test_a_milestone_outside_the_period_is_refused(world, nordland):
    with pytest.raises(ValidationError) as caught:
        services.milestone_add(
            actor=world.nav_leader,
            project=nordland.project,
            title="Sluttrapport",
            due_on=date(YEAR + 2, 1, 1),
        )
    message = caught.value.message_dict["due_on"][0]
    assert "utenfor prosjektperioden" in message and "01.01." in message
    assert not Milestone.objects.filter(title="Sluttrapport").exists()


def test_a_pilot_without_partnership_or_municipality_is_refused(world, nordland):
    with pytest.raises(ValidationError) as caught:
        services.pilot_add(actor=world.nav_leader, project=nordland.project, name="Lofoten")
    assert "minst ett partnerskap eller én kommune" in caught.value.message_dict["partnerships"][0]
    assert not Pilot.objects.filter(name="Lofoten").exists()


def test_a_decision_becomes_an_agenda_item_once(world, nordland):
    decision = services.decision_add(
        actor=world.nav_leader, project=nordland.project, title="Godkjenne delrapport 2"
    )
    item = services.decision_raise(
        actor=world.nav_leader, decision=decision, meeting=nordland.second
    )
    assert item.meeting == nordland.second and item.kind == "decision"
    assert item.title == "Godkjenne delrapport 2"
    with pytest.raises(ValidationError):
        services.decision_raise(actor=world.nav_leader, decision=decision, meeting=nordland.second)
    assert nordland.second.items.filter(title="Godkjenne delrapport 2").count() == 1


def test_overdue_milestones_are_found_for_the_leader(world, nordland):
    from partnerskap.projects.selectors import my_overdue_milestones

    late = services.milestone_add(
        actor=world.nav_leader,
        project=nordland.project,
        title="Delrapport 1",
        due_on=date(YEAR - 1, 7, 1),
    )
    services.milestone_add(
        actor=world.nav_leader,
        project=nordland.project,
        title="Delrapport 2",
        due_on=date(YEAR + 1, 1, 1),
    )
    assert list(my_overdue_milestones(world.nav_leader)) == [late]
    assert list(my_overdue_milestones(world.member)) == []
