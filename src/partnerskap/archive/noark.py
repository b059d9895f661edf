"""The Noark 5 v5.0 XML of an extraction, written one meeting at a time (docs/decisions/0047).

A meeting is a `moetemappe` of the body (the `utvalg`); each agenda item a `moeteregistrering`
with its attachments; the notice and the minutes `journalpost`s (outgoing documents, so the
journals have something to list — Arkade fails without them); decisions and follow-ups have no
Noark object and travel as `virksomhetsspesifikkeMetadata`. Exempt items carry `skjerming` with
their legal ground. Every systemID is the row's permanent UUID, or one derived from it.
"""

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.utils import timezone
from lxml import etree

NS = {
    "arkivstruktur": "http://www.arkivverket.no/standarder/noark5/arkivstruktur",
    "endringslogg": "http://www.arkivverket.no/standarder/noark5/endringslogg",
    "loependeJournal": "http://www.arkivverket.no/standarder/noark5/loependeJournal",
    "offentligJournal": "http://www.arkivverket.no/standarder/noark5/offentligJournal",
}
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Partnerskap's own metadata inside `virksomhetsspesifikkeMetadata` (Noark allows any XML there).
PSK = "urn:partnerskap:noark5:1"
SYSTEM = "Partnerskap"
# Derived systemIDs (documents and journal posts that have no row of their own) are stable.
DERIVED = uuid.UUID("8f4b1c5e-6a0d-4c39-9a57-2d6c0b1e7f42")


# The official schemas and Riksarkivaren's template, byte for byte (schemas/SOURCE.md).
SCHEMAS = Path(__file__).parent / "schemas"
CHUNK = 1 << 16


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def derived_id(*parts: object) -> str:
    return str(uuid.uuid5(DERIVED, "/".join(str(p) for p in parts)))


def stamp(value: datetime | None) -> str:
    value = value or timezone.now()
    return timezone.localtime(value).isoformat(timespec="seconds")


def text_or(value: object, fallback: str) -> str:
    """Noark's text fields may not be empty."""
    value = str(value or "").strip()
    return value or fallback


@dataclass
class DocumentFile:
    """A PDF/A file in the package and what arkivstruktur.xml says about it."""

    system_id: str
    title: str
    path: str  # relative to the package root, e.g. DOKUMENT/2024/…-referat.pdf
    sha256: str
    size: int
    created: datetime
    kind: str  # dokumenttype
    role: str = "Hoveddokument"  # tilknyttetRegistreringSom
    exempt_ground: str = ""  # skjermingshjemmel when (part of) the document is exempt
    partly_exempt: bool = False


@dataclass
class Restriction:
    ground: str
    whole: bool = True


@dataclass
class JournalPost:
    system_id: str
    year: int
    sequence: int
    number: int
    title: str
    public_title: str
    date: date
    folder_id: str
    folder_title: str
    folder_year: int
    folder_sequence: int
    exempt_ground: str = ""


@dataclass
class Counts:
    folders: int = 0
    registrations: int = 0
    changes: int = 0
    journal_posts: int = 0
    files: int = 0
    exempt: bool = False
    journal: list[JournalPost] = field(default_factory=list)


def el(parent: etree._Element, tag: str, value: object = None, **attrs: str) -> etree._Element:
    child = etree.SubElement(parent, tag, **attrs)
    if value is not None:
        child.text = str(value)
    return child


def _created(node: etree._Element, created: datetime, by: str) -> None:
    el(node, "opprettetDato", stamp(created))
    el(node, "opprettetAv", by)


def skjerming(node: etree._Element, restriction: Restriction, *, fields: list[str]) -> None:
    block = el(node, "skjerming")
    el(block, "tilgangsrestriksjon", "UO")  # unntatt offentlighet
    el(block, "skjermingshjemmel", restriction.ground)
    for name in fields:
        el(block, "skjermingMetadata", name)
    el(block, "skjermingDokument", "Hele" if restriction.whole else "Delvis")


def dokumentbeskrivelse(parent: etree._Element, doc: DocumentFile, number: int, by: str) -> None:
    node = el(parent, "dokumentbeskrivelse")
    el(node, "systemID", doc.system_id)
    el(node, "dokumenttype", doc.kind)
    el(node, "dokumentstatus", "Dokumentet er ferdigstilt")
    el(node, "tittel", doc.title)
    _created(node, doc.created, by)
    el(node, "tilknyttetRegistreringSom", doc.role)
    el(node, "dokumentnummer", number)
    el(node, "tilknyttetDato", stamp(doc.created))
    el(node, "tilknyttetAv", by)
    if doc.exempt_ground:
        skjerming(
            node,
            Restriction(doc.exempt_ground, whole=not doc.partly_exempt),
            fields=["tittel"],
        )
    obj = el(node, "dokumentobjekt")
    el(obj, "systemID", derived_id(doc.system_id, "fil"))
    el(obj, "versjonsnummer", 1)
    el(obj, "variantformat", "Arkivformat")
    el(obj, "format", "PDF/A - ISO 19005-2:2011")
    el(obj, "formatDetaljer", "fmt/476")  # PRONOM: PDF/A-2b
    _created(obj, doc.created, by)
    el(obj, "referanseDokumentfil", doc.path)
    el(obj, "sjekksum", doc.sha256)
    el(obj, "sjekksumAlgoritme", "SHA-256")
    el(obj, "filstoerrelse", doc.size)


def registrering_base(
    parent: etree._Element,
    xsi_type: str,
    system_id: str,
    created: datetime,
    archived: datetime,
    by: str,
    *,
    restriction: Restriction | None,
    documents: list[DocumentFile],
    title: str,
    public_title: str = "",
    description: str = "",
    business: etree._Element | None = None,
) -> etree._Element:
    """The `registrering` elements every kind shares, in the schema's order."""
    node = el(parent, "registrering", **{f"{{{XSI}}}type": xsi_type})
    el(node, "systemID", system_id)
    _created(node, created, by)
    el(node, "arkivertDato", stamp(archived))
    el(node, "arkivertAv", SYSTEM)
    if restriction is not None:
        skjerming(node, restriction, fields=["tittel", "beskrivelse"])
    for number, doc in enumerate(documents, start=1):
        dokumentbeskrivelse(node, doc, number, by)
    el(node, "tittel", title)
    if public_title:
        el(node, "offentligTittel", public_title)
    if description:
        el(node, "beskrivelse", description)
    if business is not None:
        node.append(business)
    return node


def business_metadata(
    decision: str, review: date | None, actions: list[dict]
) -> etree._Element | None:
    """A decision and its follow-ups, which Noark has no object for."""
    if not decision and not actions:
        return None
    wrapper = etree.Element("virksomhetsspesifikkeMetadata")
    block = etree.SubElement(wrapper, f"{{{PSK}}}partnerskap", nsmap={"psk": PSK})
    if decision:
        node = etree.SubElement(block, f"{{{PSK}}}vedtak")
        node.text = decision
        if review:
            node.set("vurderesPaaNytt", review.isoformat())
    for action in actions:
        node = etree.SubElement(block, f"{{{PSK}}}oppfoelging")
        node.set("systemID", action["uuid"])
        node.set("frist", action["due_date"])
        node.set("status", action["status"])
        node.set("ansvarlig", action["owner"])
        node.text = action["title"]
    return wrapper
