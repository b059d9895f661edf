"""Issue 18, done point 3, on the demo's Nordland steering group (2017–2019, from the seed):
the extraction validates against the official XSDs, every checksum matches its file, every PDF
declares PDF/A, and an exempt item carries skjerming with its legal ground."""

import hashlib
import io
from datetime import date

import pytest
from lxml import etree

from partnerskap.archive import extraction
from partnerskap.demo.loader import DemoLoader
from partnerskap.demo.meetings import nordland
from partnerskap.meetings.models import AgendaItem, Body, ItemKind

from .test_extraction import ADDML, N5, unpack, validate

XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


@pytest.fixture
def nordland_package(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    DemoLoader().load()
    body = Body.objects.get(slug=nordland.SLUG)
    item = AgendaItem.objects.filter(meeting__body=body, kind=ItemKind.DECISION).first()
    AgendaItem.objects.filter(pk=item.pk).update(
        exempt=True, legal_ground="Offentleglova § 23 første ledd", public_title="Forhandlinger"
    )
    out = io.BytesIO()
    summary = extraction.extract(
        body=body, start=date(2017, 1, 1), end=date(2019, 12, 31), out=out, by="Arkivet"
    )
    return body, item, summary, unpack(out.getvalue())


def test_the_nordland_extraction_is_valid_complete_and_marks_the_exempt_item(nordland_package):
    body, item, summary, files = nordland_package
    root = validate(files, "arkivstruktur.xml", "arkivstruktur.xsd")
    validate(files, "endringslogg.xml", "endringslogg.xsd")
    validate(files, "loependeJournal.xml", "loependeJournal.xsd")
    validate(files, "offentligJournal.xml", "offentligJournal.xsd")
    addml = validate(files, "arkivuttrekk.xml", "addml.xsd")

    folders = root.findall(f".//{N5}mappe")
    assert summary.meetings == len(folders) == body.meetings.filter(minutes__isnull=False).count()
    assert len(folders) >= 5
    assert {f.get(XSI_TYPE) for f in folders} == {"moetemappe"}
    assert {f.findtext(f"{N5}utvalg") for f in folders} == {nordland.NAME}

    # every checksum in arkivuttrekk.xml matches its file
    for prop in addml.iter(f"{ADDML}property"):
        props = {p.get("name"): p for p in prop.iterfind(f"{ADDML}properties/{ADDML}property")}
        if prop.get("name") == "file" and "checksum" in props:
            name = props["name"].findtext(f"{ADDML}value")
            value = next(
                p.findtext(f"{ADDML}value")
                for p in props["checksum"].iter(f"{ADDML}property")
                if p.get("name") == "value"
            )
            assert value == hashlib.sha256(files[name]).hexdigest(), name

    # every document is a PDF/A file referenced once, with its checksum
    documents = sorted(n for n in files if n.startswith("DOKUMENT/"))
    objects = list(root.iter(f"{N5}dokumentobjekt"))
    assert sorted(o.findtext(f"{N5}referanseDokumentfil") for o in objects) == documents
    for obj in objects:
        data = files[obj.findtext(f"{N5}referanseDokumentfil")]
        assert extraction.declares_pdfa(data)
        assert obj.findtext(f"{N5}sjekksum") == hashlib.sha256(data).hexdigest()

    # the exempt item carries skjerming and its public title; the public journal keeps it out
    registration = next(
        r for r in root.iter(f"{N5}registrering") if r.findtext(f"{N5}systemID") == str(item.uuid)
    )
    assert registration.findtext(f"{N5}skjerming/{N5}skjermingshjemmel") == (
        "Offentleglova § 23 første ledd"
    )
    assert registration.findtext(f"{N5}offentligTittel").endswith("Forhandlinger")
    assert (
        "true"
        in etree.tostring(addml, encoding="unicode").split('name="inneholderSkjermetInformasjon"')[
            1
        ][:80]
    )
