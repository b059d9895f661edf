"""Agreement pages and API: forms save, bad input is answered in Norwegian, access holds."""

import base64
import datetime
import io

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerskap.agreements import services
from partnerskap.agreements.models import (
    Agreement,
    AgreementStatus,
    AgreementTemplate,
    HearingComment,
)
from partnerskap.agreements.template_format import SHIPPED

from .conftest import FILLED, PDF_BYTES, complete, in_force, signed


def login(client, user):
    client.force_login(user)
    return client


def test_create_from_template_and_fill_in_through_the_pages(world, client):
    login(client, world.nav_leader)
    response = client.get(reverse("agreements:agreement_create", args=[world.orland.pk]))
    assert response.status_code == 200
    template = services.shipped_template()
    response = client.post(
        reverse("agreements:agreement_create", args=[world.orland.pk]),
        {"template": template.pk, "title": ""},
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    page = client.get(reverse("agreements:agreement_fill", args=[agreement.pk]))
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: v for k, v in data.items() if v is not None and v is not False}
    data["blank_verdier"] = "åpenhet"
    data["blank_moter_per_ar"] = "4"
    response = client.post(reverse("agreements:agreement_fill", args=[agreement.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    agreement.refresh_from_db()
    assert agreement.values["verdier"] == "åpenhet"
    missing = client.get(reverse("agreements:agreement_completeness", args=[agreement.pk]))
    assert "åpenhet" not in missing.content.decode()
    assert "Kommunens verdier" not in missing.content.decode()
    assert "Årstall for resultatmålene" in missing.content.decode()


def test_fill_with_a_bad_number_names_the_field(world, client, agreement):
    login(client, world.nav_leader)
    response = client.post(
        reverse("agreements:agreement_fill", args=[agreement.pk]),
        {"revision": agreement.revision, "title": "T", "alternative": "single",
         "blank_moter_per_ar": "mange"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Antall eiermøter i året må være et tall" in response.content.decode()


def test_stale_form_is_409_and_keeps_the_other_change(world, client, agreement):
    login(client, world.nav_leader)
    services.agreement_fill(
        actor=world.municipal_owner,
        agreement=agreement,
        revision=agreement.revision,
        values={"verdier": "A"},
    )
    response = client.post(
        reverse("agreements:agreement_fill", args=[agreement.pk]),
        {"revision": 0, "title": "T", "alternative": "single", "blank_verdier": "B"},
    )
    assert response.status_code == 409
    agreement.refresh_from_db()
    assert agreement.values["verdier"] == "A"


def test_agree_page_refuses_while_missing(world, client, agreement):
    login(client, world.nav_leader)
    url = reverse("agreements:agreement_agree", args=[agreement.pk])
    response = client.post(url, {"revision": agreement.revision})
    assert response.status_code == 400
    assert "kan ikke markeres som enige" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.DRAFT


def test_outsider_gets_404_and_member_403(world, client, agreement):
    login(client, world.other_leader)
    assert (
        client.get(reverse("agreements:agreement_detail", args=[agreement.pk])).status_code == 404
    )
    login(client, world.member)
    assert (
        client.get(reverse("agreements:agreement_detail", args=[agreement.pk])).status_code == 200
    )
    assert client.get(reverse("agreements:agreement_fill", args=[agreement.pk])).status_code == 403


def test_second_in_force_through_the_page_replaces_the_first(world, client):
    first = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    in_force(first, world, datetime.date(2024, 1, 1))
    second = signed(
        services.agreement_create(actor=world.nav_leader, partnership=world.orland), world
    )
    login(client, world.nav_leader)
    response = client.post(
        reverse("agreements:agreement_in_force", args=[second.pk]),
        {"revision": second.revision, "valid_from": "2026-01-01"},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == AgreementStatus.REPLACED
    assert Agreement.objects.filter(status=AgreementStatus.IN_FORCE).count() == 1


def test_second_in_force_through_the_api_replaces_the_first(world, client):
    first = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    in_force(first, world, datetime.date(2024, 1, 1))
    second = signed(
        services.agreement_create(actor=world.nav_leader, partnership=world.orland), world
    )
    login(client, world.nav_leader)
    response = client.post(
        f"/api/v1/agreements/{second.pk}/in-force",
        {"revision": second.revision, "valid_from": "2026-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "in_force"
    assert list(
        Agreement.objects.filter(status=AgreementStatus.IN_FORCE).values_list("pk", flat=True)
    ) == [second.pk]
    # Putting the replaced one back in force is refused: it is no longer signed.
    again = client.post(
        f"/api/v1/agreements/{first.pk}/in-force",
        {"revision": first.revision, "valid_from": "2028-01-01"},
        content_type="application/json",
    )
    assert again.status_code == 422


def test_api_fill_conflict_and_completeness(world, client, agreement):
    login(client, world.nav_leader)
    url = f"/api/v1/agreements/{agreement.pk}"
    ok = client.patch(
        url, {"revision": 0, "values": {"verdier": "raus"}}, content_type="application/json"
    )
    assert ok.status_code == 200
    assert ok.json()["values"]["verdier"] == "raus"
    stale = client.patch(
        url, {"revision": 0, "values": {"verdier": "x"}}, content_type="application/json"
    )
    assert stale.status_code == 409
    bad = client.patch(
        url, {"revision": 1, "values": {"gyldig_fra": "i går"}}, content_type="application/json"
    )
    assert bad.status_code == 422
    assert "dato" in str(bad.json())
    missing = client.get(f"{url}/completeness").json()
    assert "verdier" not in {m["key"] for m in missing}
    assert {"delegation", "operating"} <= {m["key"] for m in missing}


def test_api_attachment_is_sniffed(world, client, agreement):
    login(client, world.nav_leader)
    url = f"/api/v1/agreements/{agreement.pk}/attachments"
    body = {"kind": "delegation", "file_name": "vedtak.pdf"}
    fake = client.post(
        url,
        {**body, "content_base64": base64.b64encode(b"hello").decode()},
        content_type="application/json",
    )
    assert fake.status_code == 422
    real = client.post(
        url,
        {**body, "content_base64": base64.b64encode(PDF_BYTES).decode()},
        content_type="application/json",
    )
    assert real.status_code == 201


def test_template_upload_preview_then_load(world, client):
    login(client, world.admin)
    text = SHIPPED.read_text(encoding="utf-8").replace('version: "3.0"', 'version: "4.0"')
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("agreements:template_upload")
    preview = client.post(url, {"file": SimpleUploadedFile("ny.yaml", text.encode())})
    assert preview.status_code == 200
    assert "ingen feil" in preview.content.decode()
    assert not AgreementTemplate.objects.filter(version="4.0").exists()
    done = client.post(url, {"content": text, "file_name": "ny.yaml"})
    assert done.status_code == 302
    assert AgreementTemplate.objects.filter(version="4.0").exists()


def test_template_upload_bad_file_names_place_and_saves_nothing(world, client):
    login(client, world.admin)
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = SHIPPED.read_text(encoding="utf-8").replace('  - number: "5.0"', '  - number: "5.x"')
    response = client.post(
        reverse("agreements:template_upload"),
        {"file": SimpleUploadedFile("feil.yaml", text.encode())},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "feil.yaml" in content and "Punkt 5.0 mangler" in content
    assert not AgreementTemplate.objects.exclude(version="3.0").exists()


def test_template_upload_is_for_administrators(world, client):
    login(client, world.nav_leader)
    assert client.get(reverse("agreements:template_upload")).status_code == 403


def test_hearing_and_compare_pages(world, client, agreement):
    complete(agreement, world.nav_leader)
    login(client, world.nav_leader)
    deadline = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    response = client.post(
        reverse("agreements:hearing_start", args=[agreement.pk]),
        {"revision": agreement.revision, "parties": [world.municipal_owner.pk],
         "deadline": deadline},
    )  # fmt: skip
    assert response.status_code == 302
    login(client, world.municipal_owner)
    comment_url = reverse("agreements:hearing_comment", args=[agreement.pk])
    detail = client.get(reverse("agreements:agreement_detail", args=[agreement.pk]))
    assert f"{comment_url}?punkt=3.8" in detail.content.decode()
    form = client.get(f"{comment_url}?punkt=3.8").content.decode()
    assert '<option value="3.8" selected>' in form
    response = client.post(
        reverse("agreements:hearing_comment", args=[agreement.pk]),
        {"section": "3.8", "text": "Del utgiftene likt."},
    )
    assert response.status_code == 302
    comment = HearingComment.objects.get()
    login(client, world.nav_leader)
    response = client.post(
        reverse("agreements:comment_answer", args=[comment.pk]),
        {"answer": "partly", "explanation": "Lederen deles likt."},
    )
    assert response.status_code == 302
    agreement.refresh_from_db()  # the pages above changed it
    services.agreement_fill(
        actor=world.nav_leader,
        agreement=agreement,
        revision=agreement.revision,
        values={"verdier": "mot og tillit"},
    )
    services.agreement_agree(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision
    )
    page = client.get(reverse("agreements:version_compare", args=[agreement.pk]))
    content = page.content.decode()
    assert "<del>" in content and "<ins>tillit" in content
    detail = client.get(reverse("agreements:agreement_detail", args=[agreement.pk])).content
    assert "Delvis tatt til følge" in detail.decode()


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def signed_agreement(world):
    agreement = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
    return signed(agreement, world)


def test_docx_has_sections_values_signatures_and_no_blanks(world, client, signed_agreement):
    login(client, world.member)
    response = client.get(reverse("agreements:agreement_docx", args=[signed_agreement.pk]))
    assert response.status_code == 200
    content = _docx_text(response.content)
    _check_document(content, signed_agreement)


def test_pdf_has_sections_values_signatures_and_no_blanks(world, client, signed_agreement):
    import subprocess

    login(client, world.member)
    response = client.get(reverse("agreements:agreement_pdf", args=[signed_agreement.pk]))
    assert response.status_code == 200
    content = subprocess.run(
        ["/usr/bin/pdftotext", "-layout", "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    _check_document(" ".join(content.split()), signed_agreement)


def _check_document(content: str, agreement) -> None:
    flat = " ".join(content.split())
    for section in agreement.template.sections:
        assert f"{section['number']} {section['title']}" in flat, section["number"]
    for value in FILLED.values():
        if "-" in value and value[:4].isdigit():  # dates print as 31.12.2030
            value = datetime.date.fromisoformat(value).strftime("%d.%m.%Y")
        assert value in flat, value
    assert "……" not in flat and "[[" not in flat
    assert "Ordfører" in flat and "Fylkesdirektør" in flat
    assert "Delegasjonsvedtak" in flat and "Driftsavtale" in flat


def test_struck_clause_is_absent_from_the_document(world, client, agreement):
    services.agreement_fill(
        actor=world.nav_leader, agreement=agreement, revision=agreement.revision, struck=["2.1-3"]
    )
    login(client, world.nav_leader)
    response = client.get(reverse("agreements:agreement_docx", args=[agreement.pk]))
    content = _docx_text(response.content)
    assert "kommunevåpenet" not in content
    assert "Utkast: eierne er ennå ikke enige" in content


# --- query counts ---------------------------------------------------------------------------


def _grow(world, agreement, how_many: int) -> None:
    """More agreements, attachments, versions, comments and signatures."""
    for _ in range(how_many):
        other = services.agreement_create(actor=world.nav_leader, partnership=world.orland)
        complete(other, world.nav_leader)
    complete(agreement, world.nav_leader)
    hearing = services.hearing_start(
        actor=world.nav_leader,
        agreement=agreement,
        parties=[world.municipal_owner, world.member],
        deadline=timezone.localdate() + datetime.timedelta(days=5),
        revision=agreement.revision,
    )
    for i in range(how_many):
        services.hearing_comment(
            actor=world.municipal_owner, agreement=agreement, section="3.8", text_=f"Innspill {i}"
        )
    assert hearing.comments.count() == how_many


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url_of",
    [
        lambda a: reverse("agreements:agreement_list", args=[a.partnership_id]),
        lambda a: reverse("agreements:agreement_detail", args=[a.pk]),
        lambda a: reverse("agreements:agreement_completeness", args=[a.pk]),
        lambda a: f"/api/v1/agreements/{a.pk}",
        lambda a: f"/api/v1/partnerships/{a.partnership_id}/agreements",
        lambda a: f"/api/v1/agreements/{a.pk}/completeness",
    ],
    ids=["list", "detail", "completeness", "api-detail", "api-list", "api-completeness"],
)
def test_query_counts_do_not_grow(world, client, agreement, url_of):
    login(client, world.nav_leader)
    _grow(world, agreement, 1)
    small = _count(client, url_of(agreement))
    _grow(world, agreement, 6)
    large = _count(client, url_of(agreement))
    assert small == large
