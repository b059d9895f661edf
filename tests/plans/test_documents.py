"""A plan's frozen version as PDF/A: its text and both approvals, and the same after a change."""

from partnerskap.plans import services
from partnerskap.plans.documents import version_pdf

from ..documents.tools import pdf_text
from .conftest import approved


def test_the_frozen_version_prints_its_text_and_approvals(world, tmp_path):
    plan = approved(world)
    version = plan.versions.get()
    before = pdf_text(version_pdf(version), tmp_path)
    assert "Flere i arbeid: 30 flere ungdommer ut i jobb." in before
    assert "Ordfører" in before and "Fylkesdirektør" in before
    services.plan_revise(actor=world.nav_leader, plan=plan, reason="Ny", revision=plan.revision)
    section = plan.sections.first()
    services.section_update(
        actor=world.nav_leader,
        section=section,
        heading=section.heading,
        text="Endret tekst",
        revision=plan.revision,
    )
    version.refresh_from_db()
    assert pdf_text(version_pdf(version), tmp_path) == before
