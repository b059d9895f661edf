"""The council report (C12; issue 20 done 3): every section from what the product holds, sent as
DOCX and PDF/A, each send a new frozen version."""

import io

import docx
import pytest
from django.core.exceptions import PermissionDenied

from partnerskap.annual import services
from partnerskap.annual.report import report_content, section_keys
from partnerskap.core.errors import ConflictError

from ..documents import tools

GOAL = "Flere brukere i arbeidsrettet oppfølging (statens styringssignaler)"
SUPPRESSED_FIGURE = "uke 10 2025: 581; uke 18 2025: :"


def _text(content: bytes) -> str:
    return " ".join(content.replace("\xa0", " ").replace("\u202f", " ").split())


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return _text("\n".join(parts))


def test_the_report_holds_every_section_with_the_years_facts(world, orland_year):
    report = services.report_open(
        actor=world.nav_leader, partnership=world.orland, year=orland_year
    )
    content = report_content(report)
    headings = [s["heading"] for s in content["sections"]]
    assert headings == [heading for _key, heading in section_keys()]
    bodies = next(s for s in content["sections"] if s["key"] == "bodies")
    assert bodies["tables"][0]["rows"] == [
        ["Partnerskapsmøtet i NAV Ørland", "Partnerskapsmøte", "2", "1"]
    ]
    goals = next(s for s in content["sections"] if s["key"] == "goals")
    goal, reading = goals["tables"][0]["rows"]
    assert goal[0] == GOAL
    assert reading[1:5] == [
        "581",
        SUPPRESSED_FIGURE.replace("2025", str(orland_year)),
        f"581 (uke 10 {orland_year})",
        f"1\xa0200 ({orland_year})",
    ]
    decisions = next(s for s in content["sections"] if s["key"] == "decisions")
    assert decisions["tables"][0]["rows"][0][4] == "Partnerskapsmøtet vedtar budsjettet."


def test_sending_freezes_a_docx_and_a_pdf_with_every_heading_and_the_totals(
    world, orland_year, tmp_path
):
    services.report_edit(
        actor=world.nav_leader,
        partnership=world.orland,
        year=orland_year,
        revision=0,
        texts={"introduction": "Et godt år for NAV Ørland."},
    )
    version = services.report_send(
        actor=world.nav_leader, partnership=world.orland, year=orland_year
    )
    finance = next(s for s in version.content["sections"] if s["key"] == "finance")
    state, municipality, total = finance["tables"][-1]["rows"][0][2:]
    # finance's worked example (DOMAIN.md C6), to the øre
    assert (_text(state), _text(municipality), _text(total)) == (
        "kr 601 226,99",
        "kr 398 773,01",
        "kr 1 000 000,00",
    )
    pdf = version.pdf.read()
    texts = {
        "docx": docx_text(version.docx.read()),
        "pdf": _text(tools.pdf_text(pdf, tmp_path)),
    }
    for text in texts.values():
        for _key, heading in section_keys():
            assert heading in text
        assert "Et godt år for NAV Ørland." in text
        assert "Partnerskapsmøtet i NAV Ørland" in text
        assert GOAL in text
        assert _text(SUPPRESSED_FIGURE.replace("2025", str(orland_year))) in text  # stays ":"
        assert "1 200" in text
        for amount in (state, municipality, total):
            assert _text(amount) in text
    assert "pdfaid:part" in tools.pdf_metadata(pdf, tmp_path)


def test_each_send_is_a_new_version_and_the_earlier_stays(world, orland_year):
    first = services.report_send(actor=world.nav_leader, partnership=world.orland, year=orland_year)
    report = first.report
    services.report_edit(
        actor=world.nav_leader,
        partnership=world.orland,
        year=orland_year,
        revision=report.revision,
        texts={"projects": "Ingen prosjekter i år."},
    )
    second = services.report_send(
        actor=world.nav_leader, partnership=world.orland, year=orland_year
    )
    assert (first.number, second.number) == (1, 2)
    first.refresh_from_db()
    assert "Ingen prosjekter i år." not in docx_text(first.docx.read())
    assert "Ingen prosjekter i år." in docx_text(second.docx.read())


def test_a_stale_revision_is_refused(world, orland_year):
    report = services.report_edit(
        actor=world.nav_leader, partnership=world.orland, year=orland_year, revision=0, texts={}
    )
    services.report_edit(
        actor=world.municipal_owner,
        partnership=world.orland,
        year=orland_year,
        revision=report.revision,
        texts={"introduction": "Først"},
    )
    with pytest.raises(ConflictError):
        services.report_edit(
            actor=world.nav_leader,
            partnership=world.orland,
            year=orland_year,
            revision=report.revision,
            texts={"introduction": "Sist"},
        )


def test_only_those_who_change_the_partnership_may_edit_or_send(world, orland_year):
    for person in (world.member, world.other_leader):
        with pytest.raises(PermissionDenied):
            services.report_send(actor=person, partnership=world.orland, year=orland_year)
