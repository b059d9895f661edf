"""The Noark 5 extraction of a body's closed meetings (issue 18, done point 3; decision 0047)."""

import hashlib
import io
import tarfile
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree

from partnerskap.archive import extraction
from partnerskap.documents.pdf import render_pdf

from ..search.conftest import SECRET_DECISION

SCHEMAS = Path(extraction.__file__).parent / "schemas"
SHARED = Path("/work/shared/schemas/noark5")
ADDML = "{http://www.arkivverket.no/standarder/addml}"
N5 = "{http://www.arkivverket.no/standarder/noark5/arkivstruktur}"


def unpack(data: bytes) -> dict[str, bytes]:
    files = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for member in tar.getmembers():
            files[member.name.split("/", 1)[1]] = tar.extractfile(member).read()
    return files


def validate(files: dict[str, bytes], name: str, schema: str) -> etree._Element:
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / schema)))
    document = etree.fromstring(files[name])
    xsd.assertValid(document)
    return document


@pytest.fixture
def package(world, forum, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = forum.meetings.get()
    item = meeting.items.filter(exempt=False, kind="decision").get()
    archival = render_pdf("<p>Handlingsplan for samarbeidet</p>")
    # Attachments are added before the minutes close; add them to the frozen meeting directly.
    from partnerskap.meetings.models import Attachment

    for title, data, exempt in (
        ("Handlingsplan", archival, False),
        ("Skannet brev", b"%PDF-1.4 not archival", False),
        ("Intern vurdering", archival, True),
    ):
        Attachment.objects.create(
            item=item,
            title=title,
            file=SimpleUploadedFile("v.pdf", data),
            content_type="application/pdf",
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            exempt=exempt,
            legal_ground="Offentleglova § 14" if exempt else "",
        )
    out = io.BytesIO()
    summary = extraction.extract(
        body=forum, start=date(2024, 1, 1), end=date(2024, 12, 31), out=out, by="Arkivet"
    )
    return summary, unpack(out.getvalue())


def test_every_xml_file_validates_against_the_official_schemas(package):
    _summary, files = package
    validate(files, "arkivstruktur.xml", "arkivstruktur.xsd")
    validate(files, "endringslogg.xml", "endringslogg.xsd")
    validate(files, "loependeJournal.xml", "loependeJournal.xsd")
    validate(files, "offentligJournal.xml", "offentligJournal.xsd")
    validate(files, "arkivuttrekk.xml", "addml.xsd")


def test_the_schemas_are_copied_unchanged(package):
    _summary, files = package
    for name in extraction.XSD_FILES:
        assert files[name] == (SCHEMAS / name).read_bytes()
        if SHARED.exists():
            assert files[name] == (SHARED / name).read_bytes(), name


def test_every_checksum_in_arkivuttrekk_matches_its_file(package):
    _summary, files = package
    addml = etree.fromstring(files["arkivuttrekk.xml"])
    checked = 0
    for prop in addml.iter(f"{ADDML}property"):
        if prop.get("name") != "file":
            continue
        props = {p.get("name"): p for p in prop.iterfind(f"{ADDML}properties/{ADDML}property")}
        if "checksum" not in props:
            continue
        name = props["name"].findtext(f"{ADDML}value")
        value = next(
            p.findtext(f"{ADDML}value")
            for p in props["checksum"].iter(f"{ADDML}property")
            if p.get("name") == "value"
        )
        assert value == hashlib.sha256(files[name]).hexdigest(), name
        checked += 1
    assert checked == 9  # four XML files, their four main schemas and metadatakatalog.xsd


def test_every_document_is_pdfa_referenced_once_with_its_checksum(package):
    summary, files = package
    root = validate(files, "arkivstruktur.xml", "arkivstruktur.xsd")
    documents = {name for name in files if name.startswith("DOKUMENT/")}
    referenced = [o.findtext(f"{N5}referanseDokumentfil") for o in root.iter(f"{N5}dokumentobjekt")]
    assert sorted(referenced) == sorted(documents)
    assert len(documents) == 4  # notice, minutes, and the two archival attachments
    for obj in root.iter(f"{N5}dokumentobjekt"):
        data = files[obj.findtext(f"{N5}referanseDokumentfil")]
        assert obj.findtext(f"{N5}sjekksum") == hashlib.sha256(data).hexdigest()
        assert int(obj.findtext(f"{N5}filstoerrelse")) == len(data)
        assert extraction.declares_pdfa(data)
    assert summary.not_archival == ["Sak 1/24: Skannet brev"]


def test_counts_in_arkivuttrekk_match_the_files(package):
    _summary, files = package
    addml = etree.fromstring(files["arkivuttrekk.xml"])
    root = etree.fromstring(files["arkivstruktur.xml"])
    declared = {}
    for prop in addml.iter(f"{ADDML}property"):
        if prop.get("name") == "numberOfOccurrences":
            what = prop.findtext(f"{ADDML}value")
            value = next(p for p in prop.iter(f"{ADDML}property") if p.get("name") == "value")
            declared[what] = int(value.findtext(f"{ADDML}value"))
    assert declared["mappe"] == len(root.findall(f".//{N5}mappe")) == 1
    assert declared["registrering"] == len(root.findall(f".//{N5}registrering")) == 4
    log = etree.fromstring(files["endringslogg.xml"])
    assert declared["endring"] == len(log) >= 1
    journal = etree.fromstring(files["loependeJournal.xml"])
    assert declared["journalregistrering"] == len(journal) - 1 == 2


def test_the_meeting_is_a_moetemappe_with_items_decisions_and_skjerming(package):
    _summary, files = package
    root = etree.fromstring(files["arkivstruktur.xml"])
    folder = root.find(f".//{N5}mappe")
    assert folder.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "moetemappe"
    assert folder.findtext(f"{N5}utvalg") == "Samarbeidsforum i Trøndelag"
    assert folder.findtext(f"{N5}moetenummer") == "1/2024"
    registrations = folder.findall(f"{N5}registrering")
    types = [r.get("{http://www.w3.org/2001/XMLSchema-instance}type") for r in registrations]
    assert types == [
        "journalpost",
        "journalpost",
        "moeteregistrering",
        "moeteregistrering",
    ]
    exempt = [r for r in registrations if r.findtext(f"{N5}offentligTittel")]
    assert len(exempt) == 1
    block = exempt[0].find(f"{N5}skjerming")
    assert block.findtext(f"{N5}skjermingshjemmel") == "Offentleglova § 25"
    assert exempt[0].findtext(f"{N5}offentligTittel") == "Sak 2/24 Personalsak"
    decision = exempt[0].find(f"{N5}virksomhetsspesifikkeMetadata")
    assert SECRET_DECISION in etree.tostring(decision, encoding="unicode")
    # The exempt attachment on a public item is restricted on its own ground.
    grounds = {
        d.findtext(f"{N5}tittel"): d.findtext(f"{N5}skjerming/{N5}skjermingshjemmel")
        for d in folder.iter(f"{N5}dokumentbeskrivelse")
    }
    assert grounds["Intern vurdering"] == "Offentleglova § 14"
    assert grounds["Handlingsplan"] is None


def test_the_public_journal_names_no_exempt_title(package):
    _summary, files = package
    text = files["offentligJournal.xml"].decode()
    assert "Personalsak ved kontoret" not in text and SECRET_DECISION not in text


def test_a_period_without_closed_meetings_is_refused(world, forum):
    with pytest.raises(ValidationError, match="ingen møter med godkjent referat"):
        extraction.extract(
            body=forum, start=date(2020, 1, 1), end=date(2020, 12, 31), out=io.BytesIO(), by="x"
        )
    with pytest.raises(ValidationError):
        extraction.extract(
            body=forum, start=date(2024, 12, 31), end=date(2024, 1, 1), out=io.BytesIO(), by="x"
        )
