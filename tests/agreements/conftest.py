"""Fixtures for agreements: Ørland's agreement from the shipped template, and helpers."""

import datetime
import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerskap.agreements import services
from partnerskap.agreements.models import Agreement, AttachmentKind

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

# Values for the blanks the registry does not prefill in the test world.
FILLED = {
    "adresse": "Kystveien 12, Brekstad",
    "verdier": "åpen, modig og raus",
    "moter_per_ar": "4",
    "lederavtale": "statlige vilkår",
    "ledergruppe_kommune": "kommunedirektørens ledergruppe",
    "resultatar": "2027",
    "resultatmal": "70 prosent av de unge under 30 i aktivitet",
    "kommunale_tjenester": "boligsosialt arbeid og gjeldsrådgivning",
    "individniva": "samtaler med hver bruker om egen plan",
    "systemniva": "brukerråd to ganger i året",
    "samarbeidsavtaler": "avtalen med helsetjenesten om oppfølging",
    "gyldig_fra": "2026-01-01",
    "gyldig_til": "2030-12-31",
}


def pdf_upload(name: str = "vedtak.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def docx_upload(name: str = "driftsavtale.docx") -> SimpleUploadedFile:
    document = docx.Document()
    document.add_paragraph("Driftsavtale")
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def agreement(world) -> Agreement:
    return services.agreement_create(actor=world.nav_leader, partnership=world.orland)


def complete(agreement: Agreement, actor, start: datetime.date | None = None) -> Agreement:
    """Fill every blank, answer every question and attach both required files; `start` is
    the period's first day written in the agreement (default FILLED's)."""
    agreement.refresh_from_db()
    answers = {
        q["id"]: "Ja, avklart i partnerskapsmøtet."
        for s in agreement.template.sections
        for q in s["questions"]
    }
    agreement = services.agreement_fill(
        actor=actor,
        agreement=agreement,
        revision=agreement.revision,
        values={**FILLED, **({"gyldig_fra": start.isoformat()} if start else {})},
        answers=answers,
    )
    services.attachment_add(
        actor=actor,
        agreement=agreement,
        kind=AttachmentKind.DELEGATION,
        title="Delegasjonsvedtak",
        file=pdf_upload(),
    )
    services.attachment_add(
        actor=actor,
        agreement=agreement,
        kind=AttachmentKind.OPERATING,
        title="Driftsavtale",
        file=docx_upload(),
    )
    return agreement


def signed(agreement: Agreement, world, start: datetime.date | None = None) -> Agreement:
    complete(agreement, world.nav_leader, start)
    services.agreement_agree(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision
    )
    services.agreement_sign(
        actor=world.municipal_owner, agreement=agreement, side="municipality", signed_as="Ordfører"
    )
    services.agreement_sign(
        actor=world.county_director, agreement=agreement, side="state", signed_as="Fylkesdirektør"
    )
    agreement.refresh_from_db()
    return agreement


def in_force(agreement: Agreement, world, start: datetime.date | None = None) -> Agreement:
    signed(agreement, world, start)
    return services.agreement_put_in_force(
        actor=world.nav_leader,
        agreement=agreement,
        valid_from=start or datetime.date.fromisoformat(FILLED["gyldig_fra"]),
        revision=agreement.revision,
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
