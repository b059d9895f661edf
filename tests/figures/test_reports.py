"""Status reports: live figure blocks, attached to a meeting item, frozen as a PDF attachment
when the notice is sent, and unchanged by later imports (done 5, at the service level)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerskap.figures import services
from partnerskap.figures.models import Comparison, Indicator
from partnerskap.meetings import services as meetings
from partnerskap.meetings.services import ConflictError

from .conftest import pdf_text
from .test_views import INDRE_FOSEN, pandemic  # noqa: F401 - the fixture


def _import(world, text: str, name: str) -> None:
    batch = services.import_preview(
        actor=world.nav_leader,
        partnership=world.orland,
        file=SimpleUploadedFile(name, text.encode()),
        source="NAV-kontorets egen telling",
        extracted_on=date(2020, 6, 15),
    )
    services.import_commit(actor=world.nav_leader, batch=batch, revision=batch.revision)


@pytest.fixture
def report(world, pandemic, meeting):  # noqa: F811 - the fixture imported above
    report = services.report_create(
        actor=world.nav_leader, partnership=world.orland, title="Status før og under korona"
    )
    indicator = Indicator.objects.get
    services.block_add(
        actor=world.nav_leader,
        report=report,
        section_kind="users",
        indicator=indicator(code="users_follow_up"),
        period_text="2020-W18",
        comparison=Comparison.PREVIOUS,
        compare_period_text="2020-W10",
        chart=True,
    )
    services.block_add(
        actor=world.nav_leader,
        report=report,
        section_kind="users",
        indicator=indicator(code="users_follow_up_unemployment"),
        period_text="2020-W18",
        comparison=Comparison.PREVIOUS,
        compare_period_text="2020-W10",
    )
    services.block_add(
        actor=world.nav_leader,
        report=report,
        section_kind="users",
        indicator=indicator(code="users_follow_up_under_30"),
        period_text="2020-W18",
    )
    item = meeting.items.order_by("position").first()
    report.refresh_from_db()
    return services.report_update(
        actor=world.nav_leader,
        report=report,
        revision=report.revision,
        title=report.title,
        texts={"staffing": "9,3 statlige årsverk og 7 kommunale."},
        item=item,
    )


def test_sending_the_notice_freezes_the_report_and_later_imports_do_not_change_it(
    world, report, meeting, client
):
    meetings.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    report.refresh_from_db()
    assert report.frozen_at is not None
    attachment = report.frozen_attachment
    assert attachment.item == report.item and attachment.content_type == "application/pdf"
    sent = pdf_text(attachment.file.read())
    assert "1 130" in sent and "+549" in sent and "+94,5" in sent and "257" in sent

    # later the office corrects week 18: the live report changes, the notice does not
    unit = world.orland_office.unit_number
    _import(
        world, f"Indikator;Enhet;Periode;Verdi\nusers_follow_up;{unit};2020-W18;1200\n", "ny.csv"
    )
    client.force_login(world.member)
    live = client.get(reverse("figures:report_detail", args=[report.pk])).content.decode()
    assert "1\xa0200" in live and "+619" in live
    attachment.file.open()
    assert pdf_text(attachment.file.read()) == sent
    # and the meeting page offers the frozen PDF
    page = client.get(reverse("meetings:meeting_detail", args=[report.item.meeting_id]))
    assert "Status før og under korona" in page.content.decode()


def test_a_sent_report_cannot_be_changed(world, report, meeting):
    meetings.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    report.refresh_from_db()
    with pytest.raises(ValidationError):
        services.report_update(
            actor=world.nav_leader, report=report, revision=report.revision, title="Ny", texts={}
        )


def test_two_people_editing_a_report_do_not_overwrite_each_other(world, report):
    stale = report.revision
    services.report_update(
        actor=world.nav_leader, report=report, revision=stale, title="Første", texts={}
    )
    with pytest.raises(ConflictError):
        services.report_update(
            actor=world.municipal_owner, report=report, revision=stale, title="Andre", texts={}
        )


def test_report_page_pdf_and_api(world, report, client):
    client.force_login(world.member)
    html = client.get(reverse("figures:report_detail", args=[report.pk])).content.decode()
    assert html.count('class="figures-block"') == 3 and "<svg" in html
    pdf = client.get(reverse("figures:report_pdf", args=[report.pk]))
    assert "+94,5" in pdf_text(pdf.content)
    data = client.get(f"/api/v1/status-reports/{report.pk}").json()
    users = next(s for s in data["sections"] if s["kind"] == "users")
    assert users["blocks"][0]["rows"] == [["581", "1\xa0130", "+549", "+94,5"]]


def test_report_edit_form_saves_texts_and_item(world, report, meeting, client):
    client.force_login(world.nav_leader)
    url = reverse("figures:report_edit", args=[report.pk])
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(
        url,
        {
            "title": "Status juni",
            "revision": report.revision,
            "item": report.item_id,
            "text_challenges": "Flere ledige enn før.",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.title == "Status juni"
    assert report.sections.get(kind="challenges").text == "Flere ledige enn før."
