"""The project leader's main job in a real browser (issue 19, done 1).

The project leader of "NAV i Nordland i en ny tid" updates two pilots' status for the steering
group's next meeting (the third is copied forward), adds a milestone and a risk, raises a decision
as an agenda item, attaches the status report to the meeting's item and sends the notice: the
attached PDF holds every pilot's latest status and marks what changed since the previous meeting;
a later status report does not change the PDF that was sent. Every page is checked with axe.
"""

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from partnerskap.core.models import User
from partnerskap.meetings import services as meetings
from partnerskap.meetings.models import Attachment, ItemKind, Meeting
from partnerskap.projects import services
from partnerskap.projects.models import DecisionNeeded, Milestone, Project, Risk, StatusEntry

from ..documents.tools import pdf_text
from .conftest import follow, log_in, submit, visit


def nb(msgid: str) -> str:
    with translation.override("nb"):
        return gettext(msgid)


def next_steering_meeting(project: Project, leader: User) -> Meeting:
    day = timezone.localdate() + timedelta(days=21)
    tz = timezone.get_current_timezone()
    with transaction.atomic(), translation.override("nb"):
        meeting = meetings.meeting_schedule(
            actor=leader,
            body=project.steering_group,
            starts_at=datetime.combine(day, time(11), tz),
            ends_at=datetime.combine(day, time(14), tz),
        )
        meetings.item_add(
            actor=leader, meeting=meeting, title="Status piloter", kind=ItemKind.INFORMATION
        )
    return meeting


@pytest.mark.django_db(transaction=True)
def test_update_status_raise_a_decision_and_send_the_frozen_report(
    page: Page, demo_data: None, tmp_path: Path
) -> None:
    project = Project.objects.get(name="NAV i Nordland i en ny tid")
    leader = User.objects.get(username="prosjektleder.nordland")
    meeting = next_steering_meeting(project, leader)
    rows = {row.label: row.pk for row in project.status_rows.all()}

    log_in(page, "prosjektleder.nordland")
    visit(page, reverse("projects:project_list"))
    follow(page, "NAV i Nordland i en ny tid")

    # --- two pilots change, the rest is copied forward ------------------------------------
    follow(page, nb("Report the status"))
    expect(page.locator(f"#id_status_text_{rows['Ofoten']}")).to_have_value("I rute")
    page.locator(f"#id_status_text_{rows['Ofoten']}").fill("Ny kommune vedtatt")
    page.locator(f"#id_health_{rows['Indre Salten']}").select_option(label="Usikker")
    page.locator(f"#id_progress_{rows['Indre Salten']}").fill("Nei i Beiarn")
    submit(page, nb("Report the status"))
    status = page.locator("table.status-table")
    expect(status).to_contain_text("Ny kommune vedtatt")
    expect(status).to_contain_text("Nei i Beiarn")
    today = timezone.localdate()
    entries = {e.row.label: e for e in StatusEntry.objects.filter(reported_on=today)}
    assert not entries["Ofoten"].copied and not entries["Indre Salten"].copied
    assert entries["Sør-Salten"].copied and entries["Vesterålen"].copied

    # --- a milestone and a risk -------------------------------------------------------------
    follow(page, nb("New milestone"))
    page.locator("#id_title").fill("Vedtak om vertskommune i alle fem kommuner")
    page.locator("#id_due_on").fill("2019-06-20")
    submit(page, nb("Add the milestone"))
    follow(page, nb("New risk"))
    page.locator("#id_title").fill("Forsinket IKT-løsning for ny kommune")
    page.locator("#id_probability").select_option("3")
    page.locator("#id_consequence").select_option("4")
    submit(page, nb("Add the risk"))
    expect(page.get_by_role("main")).to_contain_text("Forsinket IKT-løsning for ny kommune")
    assert Milestone.objects.filter(project=project, title__startswith="Vedtak om").exists()
    assert Risk.objects.filter(project=project, title__startswith="Forsinket").exists()

    # --- a decision needed becomes an agenda item with one click ----------------------------
    follow(page, nb("New decision needed"))
    page.locator("#id_title").fill("Godkjenne Delrapport II")
    submit(page, nb("Record the decision needed"))
    follow(page, nb("Put it on the agenda"))
    submit(page, nb("Put it on the agenda"))
    assert reverse("meetings:meeting_detail", args=[meeting.pk]) in page.url
    expect(page.get_by_role("main")).to_contain_text("Godkjenne Delrapport II")
    decision = DecisionNeeded.objects.get(title="Godkjenne Delrapport II")
    assert decision.item.meeting == meeting and decision.item.kind == ItemKind.DECISION

    # --- the status report goes with the item, frozen when the notice is sent ---------------
    visit(page, reverse("projects:project_detail", args=[project.pk]))
    follow(page, nb("Status report for a meeting"))
    page.locator("#id_item").select_option(index=1)
    submit(page, nb("Attach the status report"))
    visit(page, reverse("meetings:meeting_detail", args=[meeting.pk]))
    # Sending renders the notice and the status report as PDF/A: slow on a loaded machine.
    page.set_default_timeout(60_000)
    submit(page, nb("Send the notice"))
    attachment = Attachment.objects.get(item__meeting=meeting, title=project.name)
    sent = attachment.file.read()
    flat = " ".join(pdf_text(sent, tmp_path).split())
    assert "Endret siden forrige møte: Ofoten, Indre Salten." in flat
    for text in ("Ny kommune vedtatt", "Nei i Beiarn", "Sør-Salten"):
        assert text in flat
    assert "var:" in flat and "Usikker" in flat  # Indre Salten, with its health before

    # --- later edits do not change what was sent ---------------------------------------------
    with translation.override("nb"):
        services.status_report(
            actor=leader,
            project=project,
            reported_on=today + timedelta(days=1),
            values={rows["Sør-Salten"]: {"health": "off_track", "status_text": "Stanset"}},
        )
    attachment.refresh_from_db()
    attachment.file.open("rb")
    assert attachment.file.read() == sent
