"""Key figures' main job in a real browser (done 5).

The NAV leader of Ørland imports a table of users in agreed activity, sees the preview with the
row whose stated share disagrees with its counts flagged, saves it, builds a status report with
three figure blocks (one with a chart) for the next partnership meeting, and sends the notice:
the report goes out frozen as a PDF attachment. Later a corrected extraction changes the live
report, but not the notice that was sent. Every page is checked with axe on the way.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from partnerskap.core.models import User
from partnerskap.figures import services
from partnerskap.figures.models import Observation, StatusReport
from partnerskap.meetings import services as meetings
from partnerskap.meetings.models import Meeting
from partnerskap.registry.models import Partnership

from ..figures.conftest import pdf_text
from .conftest import follow, log_in, submit, visit
from .test_meetings import orland_body

HEADER = "Enhet;Andel i avtalt aktivitet;Antall brukere i avtalt aktivitet;Antall brukere i arbeidsrettet oppfølging\n"  # noqa: E501
WEEK_18 = (
    HEADER + "I alt;70;700;1000\n5057 NAV Ørland;80;400;500\n5054 NAV Indre Fosen;50;300;500\n"
)
CORRECTED = (
    HEADER + "I alt;71;710;1000\n5057 NAV Ørland;82;410;500\n5054 NAV Indre Fosen;60;300;500\n"
)


def nb(msgid: str) -> str:
    with translation.override("nb"):
        return gettext(msgid)


def week_10(partnership: Partnership, leader: User) -> None:
    """What Ørland imported before: week 10, before the pandemic."""
    with translation.override("nb"):
        batch = services.import_preview(
            actor=leader,
            partnership=partnership,
            file=ContentFile(
                (
                    HEADER + "I alt;60;480;800\n5057 NAV Ørland;60;240;400\n"
                    "5054 NAV Indre Fosen;60;240;400\n"
                ).encode(),
                name="uke10.csv",
            ),
            source="Datavarehuset",
            extracted_on=date(2020, 3, 9),
            period_text="2020-W10",
        )
        services.import_commit(actor=leader, batch=batch, revision=batch.revision)


def plan_meeting(leader: User) -> Meeting:
    body = orland_body()
    day = timezone.localdate() + timedelta(days=21)
    tz = timezone.get_current_timezone()
    with transaction.atomic(), translation.override("nb"):
        return meetings.meeting_schedule(
            actor=leader,
            body=body,
            starts_at=datetime.combine(day, time(11), tz),
            ends_at=datetime.combine(day, time(14), tz),
        )


def upload(page: Page, tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    follow(page, nb("Import a table"))
    page.locator("#id_file").set_input_files(str(path))
    page.locator("#id_period").fill("2020-W18")
    page.locator("#id_extracted_on").fill("2020-05-04")
    submit(page, nb("Read the file and show a preview"))


def add_block(page: Page, indicator: str, comparison: str, *, chart: bool = False) -> None:
    follow(page, nb("Add a figure"))
    page.locator("#id_section").select_option(label=nb("Users"))
    page.locator("#id_indicator").select_option(label=nb(indicator))
    page.locator("#id_period").fill("2020-W18")
    page.locator("#id_comparison").select_option(label=nb(comparison))
    if comparison == "against an earlier period":
        page.locator("#id_compare_period").fill("2020-W10")
    if chart:
        page.locator("#id_chart").check()
    submit(page, nb("Add the figure"))


@pytest.mark.django_db(transaction=True)
def test_import_build_a_status_report_and_send_it_with_the_notice(
    page: Page, demo_data: None, tmp_path: Path
) -> None:
    orland = Partnership.objects.get(name="NAV Ørland")
    leader = User.objects.get(username="leder.orland")
    week_10(orland, leader)
    meeting = plan_meeting(leader)

    # --- import with a preview: the flagged row is shown, nothing saved yet ---------------
    log_in(page, "leder.orland")
    visit(page, reverse("registry:partnership_detail", args=[orland.pk]))
    follow(page, nb("Key figures"))
    upload(page, tmp_path, "avtalt-aktivitet-uke18.csv", WEEK_18)
    flagged = page.locator("tr.figures-flagged")
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text("5054 NAV Indre Fosen")
    expect(flagged).to_contain_text("«Andel i avtalt aktivitet» sier 50")
    assert not Observation.objects.filter(
        partnership=orland, period_start=date(2020, 4, 27)
    ).exists()
    submit(page, nb("Save the figures"))
    expect(page.get_by_role("main")).to_contain_text("6 tall ble importert.")

    # --- a status report with three figure blocks and a chart -----------------------------
    follow(page, nb("New status report"))
    page.locator("#id_title").fill("Status for partnerskapsmøtet")
    submit(page, nb("Create the report"))
    page.locator("#id_item").select_option(index=1)  # the meeting's first item
    page.locator("#id_text_users").fill("Flere i avtalt aktivitet enn i uke 10.")
    submit(page, nb("Save the report"))
    add_block(page, "Users in work-oriented follow-up", "against an earlier period", chart=True)
    add_block(page, "Users in an agreed activity", "against an earlier period")
    add_block(page, "Share in an agreed activity", "against the county and the country")
    blocks = page.locator(".figures-block")
    expect(blocks).to_have_count(3)
    expect(blocks.nth(0)).to_contain_text("+100")  # 400 → 500 in follow-up
    expect(blocks.nth(0).locator("svg")).to_have_count(1)
    expect(blocks.nth(1)).to_contain_text("+66,7")  # 240 → 400 in an agreed activity
    expect(blocks.nth(2)).to_contain_text("80")  # Ørland's share; the county's 70

    # --- the notice goes out with the report frozen as an attachment ----------------------
    visit(page, reverse("meetings:meeting_detail", args=[meeting.pk]))
    submit(page, nb("Send the notice"))
    expect(page.get_by_role("main")).to_contain_text("Status for partnerskapsmøtet")
    report = StatusReport.objects.get(title="Status for partnerskapsmøtet")
    assert report.frozen_at is not None
    sent = pdf_text(report.frozen_attachment.file.read())
    assert "400" in sent and "+66,7" in sent

    # --- later the figures are corrected: the live report changes, the notice does not ----
    visit(page, reverse("figures:overview", args=[orland.pk]))
    upload(page, tmp_path, "avtalt-aktivitet-uke18-rettet.csv", CORRECTED)
    submit(page, nb("Save the figures"))
    visit(page, reverse("figures:report_detail", args=[report.pk]))
    expect(page.locator(".figures-block").nth(1)).to_contain_text("410")
    expect(page.get_by_role("main")).not_to_contain_text(nb("Add a figure"))
    report.refresh_from_db()
    report.frozen_attachment.file.open()
    assert pdf_text(report.frozen_attachment.file.read()) == sent
