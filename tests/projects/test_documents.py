"""The status report frozen into the steering group's notice: every pilot's latest status, what
changed since the previous meeting marked, and later edits leave the sent PDF as it was."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from partnerskap.meetings import services as meeting_services
from partnerskap.projects import services
from partnerskap.projects.models import ProjectStatusReport

from ..documents.tools import pdf_metadata, pdf_text
from .conftest import YEAR


@pytest.fixture
def attached(world, nordland, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = meeting_services.item_add(
        actor=world.county_director,
        meeting=nordland.second,
        title="Status piloter",
        kind="information",
    )
    return services.report_attach(actor=world.nav_leader, project=nordland.project, item=item)


def test_the_notice_freezes_the_report_with_what_changed(world, nordland, attached, tmp_path):
    services.status_report(
        actor=world.nav_leader,
        project=nordland.project,
        reported_on=date(YEAR, 2, 1),
        values={
            nordland.indre.status_row.pk: {"health": "at_risk", "status_text": "Starte dialog"},
            nordland.sor.status_row.pk: {"progress": "Søknad sendt direktoratet"},
        },
    )
    meeting_services.meeting_send_notice(actor=world.county_director, meeting=nordland.second)
    attached.refresh_from_db()
    assert attached.frozen_at is not None
    pdf = attached.frozen_attachment.file.read()
    assert "pdfaid" in pdf_metadata(pdf, tmp_path)
    text = pdf_text(pdf, tmp_path)
    flat = " ".join(text.split())
    assert "Endret siden forrige møte: Indre Salten, Sør-Salten." in flat
    assert "Starte dialog" in flat and "Søknad sendt direktoratet" in flat
    assert "var: I rute" in flat  # Indre Salten's health before
    assert flat.count("I rute") >= 2  # Ofoten and Sør-Salten, copied forward

    # Later edits do not change what was sent.
    services.status_report(
        actor=world.nav_leader,
        project=nordland.project,
        reported_on=date(YEAR, 3, 1),
        values={nordland.ofoten.status_row.pk: {"status_text": "Ny kommune fra 1.1."}},
    )
    attached.frozen_attachment.file.seek(0)
    assert attached.frozen_attachment.file.read() == pdf
    assert (
        ProjectStatusReport.objects.get(pk=attached.pk).frozen_attachment_id
        == attached.frozen_attachment_id
    )
    with pytest.raises(ValidationError):
        services.report_attach(actor=world.nav_leader, project=nordland.project, item=attached.item)
