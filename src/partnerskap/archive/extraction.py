"""A body's closed meetings for a period as a Noark 5 v5.0 extraction, streamed into a tar file.

Everything is written to a temporary directory one meeting at a time (one PDF in memory at a
time), checksummed from disk, and only then added to the tar: memory stays bounded whatever the
period (docs/decisions/0047). The package:

    <uuid>/arkivuttrekk.xml        ADDML from Riksarkivaren's template, SHA-256 of every XML/XSD
    <uuid>/arkivstruktur.xml       arkiv → arkivdel → moetemappe per meeting
    <uuid>/endringslogg.xml        changes from the history tables
    <uuid>/loependeJournal.xml     the journal posts (notice and minutes of each meeting)
    <uuid>/offentligJournal.xml    the same with public titles only
    <uuid>/*.xsd                   the official schemas, byte for byte
    <uuid>/DOKUMENT/<year>/…pdf    PDF/A-2b documents
"""

import hashlib
import io
import re
import shutil
import tarfile
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from partnerskap.meetings import documents as meeting_documents
from partnerskap.meetings import selectors as meeting_selectors
from partnerskap.meetings.models import (
    AgendaItem,
    Attachment,
    Body,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)

from . import journals, noark
from .noark import (
    NS,
    SCHEMAS,
    XSI,
    Counts,
    DocumentFile,
    JournalPost,
    Restriction,
    derived_id,
    el,
    sha256_of,
    stamp,
)

XSD_FILES = (
    "arkivstruktur.xsd",
    "metadatakatalog.xsd",
    "endringslogg.xsd",
    "loependeJournal.xsd",
    "offentligJournal.xsd",
    "addml.xsd",
)

ITEM_KINDS = {
    ItemKind.DECISION: "Vedtakssak",
    ItemKind.DISCUSSION: "Drøftingssak",
    ItemKind.INFORMATION: "Orienteringssak",
    ItemKind.MINUTES_APPROVAL: "Godkjenning av protokoll",
    ItemKind.FOLLOW_UPS: "Oppfølgingssaker",
}
ITEM_STATUS = {
    ItemStatus.ACTIVE: "Behandlet",
    ItemStatus.WITHDRAWN: "Trukket",
    ItemStatus.FORWARDED: "Sendt videre til annet organ",
}


@dataclass
class Summary:
    package_id: str
    meetings: int
    counts: Counts
    not_archival: list[str] = field(default_factory=list)  # attachments left out: not PDF/A


def closed_meetings(body: Body, start: date, end: date) -> QuerySet[Meeting]:
    """Meetings of the body in the period whose minutes are approved (or published)."""
    return (
        Meeting.objects.filter(
            body=body,
            starts_at__date__gte=start,
            starts_at__date__lte=end,
            minutes__status__in=(MinutesStatus.APPROVED, MinutesStatus.PUBLISHED),
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at", "pk")
    )


PDFA_PART = re.compile(rb"pdfaid:part\s*(?:=\s*[\"']|>)\s*[1-4]")


def declares_pdfa(data: bytes) -> bool:
    """A PDF that says in its (usually compressed) XMP metadata which part of PDF/A it
    conforms to. Not a full PDF/A validation: that is veraPDF's job at the archive."""
    if not data.startswith(b"%PDF"):
        return False
    try:
        metadata = PdfReader(io.BytesIO(data)).xmp_metadata
    except (PdfReadError, ValueError, KeyError):
        return False
    return metadata is not None and bool(PDFA_PART.search(metadata.stream.get_data()))


def _qualify(node: etree._Element, namespace: str) -> etree._Element:
    """Put every element of a block built with local names into the file's namespace."""
    for child in node.iter():
        if isinstance(child.tag, str) and not child.tag.startswith("{"):
            child.tag = f"{{{namespace}}}{child.tag}"
    return node


class _Writer:
    """Writes one extraction into `root`, one meeting at a time."""

    def __init__(self, root: Path, body: Body, start: date, end: date, by: str) -> None:
        self.root, self.body, self.start, self.end, self.by = root, body, start, end, by
        self.counts = Counts()
        self.not_archival: list[str] = []
        self.now = timezone.now()
        self.sequence: dict[int, int] = {}  # journal sequence per year
        self._folder_sequence = 0  # the meeting's number in its year, for the journals

    # --- documents ---------------------------------------------------------------------------

    def _store(self, data: bytes, year: int, name: str) -> tuple[str, str, int]:
        relative = f"DOKUMENT/{year}/{name}"
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.counts.files += 1
        return relative, hashlib.sha256(data).hexdigest(), len(data)

    def _document(self, data: bytes, year: int, name: str, **kwargs) -> DocumentFile:
        relative, digest, size = self._store(data, year, name)
        return DocumentFile(path=relative, sha256=digest, size=size, **kwargs)

    def _attachments(self, item: AgendaItem, year: int) -> list[DocumentFile]:
        docs = []
        for attachment in item.attachments.all():
            data = _read(attachment)
            if not declares_pdfa(data):
                self.not_archival.append(f"{item.label}: {attachment.title}")
                continue
            ground = attachment.legal_ground if attachment.exempt else ""
            ground = ground or (item.legal_ground if item.exempt else "")
            docs.append(
                self._document(
                    data,
                    year,
                    f"{attachment.uuid}.pdf",
                    system_id=str(attachment.uuid),
                    title=attachment.title,
                    created=attachment.created_at,
                    kind="Vedlegg",
                    role="Vedlegg",
                    exempt_ground=ground,
                )
            )
        return docs

    # --- one meeting ---------------------------------------------------------------------------

    def meeting_folder(self, meeting: Meeting, number: str, prev: str, nxt: str) -> etree._Element:
        year = meeting.starts_at.year
        notice_content = meeting_selectors.minutes_content(meeting)
        minutes_content = meeting_selectors.approved_content(meeting)
        grounds = sorted({i["legal_ground"] for i in minutes_content["items"] if i["exempt"]})
        minutes = meeting.minutes
        closer = minutes.approved_by.display_name if minutes.approved_by else noark.SYSTEM
        closed_at = minutes.approved_at or meeting.updated_at

        folder = etree.Element(
            "mappe", {f"{{{XSI}}}type": "moetemappe"}, nsmap={None: NS["arkivstruktur"], "xsi": XSI}
        )
        el(folder, "systemID", meeting.uuid)
        el(folder, "mappeID", number)
        el(folder, "tittel", str(meeting))
        el(folder, "opprettetDato", stamp(meeting.created_at))
        el(folder, "opprettetAv", self.by)
        el(folder, "avsluttetDato", stamp(closed_at))
        el(folder, "avsluttetAv", closer)

        exempt = ", ".join(grounds)
        self._meeting_documents(folder, meeting, notice_content, minutes_content, exempt, closed_at)

        items = {
            i.pk: i
            for i in AgendaItem.objects.filter(meeting=meeting).prefetch_related("attachments")
        }
        for row in minutes_content["items"]:
            item = items.get(row["id"])
            if item is not None:
                self._item(folder, meeting, item, row, year)

        self._meeting_facts(folder, meeting, number, prev, nxt, minutes_content)
        self.counts.folders += 1
        return folder

    def _meeting_documents(
        self,
        folder: etree._Element,
        meeting: Meeting,
        notice_content: dict,
        minutes_content: dict,
        exempt: str,
        closed_at: object,
    ) -> None:
        """The notice and the minutes as PDF/A, each in a journal post of the folder."""
        year = meeting.starts_at.year
        notice = self._document(
            meeting_documents.notice_pdf(notice_content, archival=True),
            year,
            f"{meeting.uuid}-innkalling.pdf",
            system_id=derived_id(meeting.uuid, "innkalling", "dok"),
            title=_("Notice of meeting"),
            created=meeting.notice_sent_at or meeting.created_at,
            kind="Møteinnkalling",
            exempt_ground=exempt,
            partly_exempt=True,
        )
        self._journal_post(folder, meeting, "innkalling", 1, notice, _("Notice: %(meeting)s"))
        record = self._document(
            meeting_documents.minutes_pdf(minutes_content, archival=True),
            year,
            f"{meeting.uuid}-referat.pdf",
            system_id=derived_id(meeting.uuid, "referat", "dok"),
            title=_("Minutes"),
            created=closed_at,
            kind="Møteprotokoll",
            exempt_ground=exempt,
            partly_exempt=True,
        )
        self._journal_post(folder, meeting, "referat", 2, record, _("Minutes: %(meeting)s"))

    def _meeting_facts(
        self,
        folder: etree._Element,
        meeting: Meeting,
        number: str,
        prev: str,
        nxt: str,
        minutes_content: dict,
    ) -> None:
        """The meeting folder's own fields: number, body, date, place, links and attendance."""
        el(folder, "moetenummer", number)
        el(folder, "utvalg", self.body.name)
        el(folder, "moetedato", timezone.localtime(meeting.starts_at).date().isoformat())
        if meeting.location:
            el(folder, "moetested", meeting.location)
        if prev:
            el(folder, "referanseForrigeMoete", prev)
        if nxt:
            el(folder, "referanseNesteMoete", nxt)
        for person in minutes_content.get("attendance", []):
            node = el(folder, "moetedeltaker")
            el(node, "moetedeltakerNavn", noark.text_or(person.get("name"), "Ukjent"))
            el(
                node,
                "moetedeltakerFunksjon",
                noark.text_or(person.get("status_display"), "Deltaker"),
            )

    def _journal_post(
        self, folder, meeting: Meeting, key: str, number: int, doc: DocumentFile, title: str
    ) -> None:
        year = meeting.starts_at.year
        self.sequence[year] = self.sequence.get(year, 0) + 1
        system_id = derived_id(meeting.uuid, key)
        full_title = title % {"meeting": meeting}
        node = noark.registrering_base(
            folder,
            "journalpost",
            system_id,
            doc.created,
            self.now,
            self.by,
            restriction=None,
            documents=[doc],
            title=full_title,
        )
        el(node, "journalaar", year)
        el(node, "journalsekvensnummer", self.sequence[year])
        el(node, "journalpostnummer", number)
        el(node, "journalposttype", "Utgående dokument")
        el(node, "journalstatus", "Arkivert")
        el(node, "journaldato", timezone.localtime(doc.created).date().isoformat())
        el(node, "sendtDato", stamp(doc.created))
        self.counts.registrations += 1
        self.counts.journal_posts += 1
        self.counts.journal.append(
            JournalPost(
                system_id=system_id,
                year=year,
                sequence=self.sequence[year],
                number=number,
                title=full_title,
                public_title=full_title,
                date=timezone.localtime(doc.created).date(),
                folder_id=str(meeting.uuid),
                folder_title=str(meeting),
                folder_year=year,
                folder_sequence=self._folder_sequence,
            )
        )

    def _item(self, folder, meeting: Meeting, item: AgendaItem, row: dict, year: int) -> None:
        restriction = Restriction(item.legal_ground) if item.exempt else None
        if restriction is not None:
            self.counts.exempt = True
        actions = [
            {**a, "uuid": derived_id(item.uuid, "oppfoelging", n)}
            for n, a in enumerate(row.get("actions", []))
        ]
        review = date.fromisoformat(row["review_date"]) if row.get("review_date") else None
        node = noark.registrering_base(
            folder,
            "moeteregistrering",
            str(item.uuid),
            item.created_at,
            self.now,
            self.by,
            restriction=restriction,
            documents=self._attachments(item, year),
            title=f"{item.label} {item.title}",
            public_title=f"{item.label} {item.shown_publicly_as}" if item.exempt else "",
            description="\n\n".join(p for p in (item.background, item.notes) if p),
            business=noark.business_metadata(row.get("decision", ""), review, actions),
        )
        el(node, "moeteregistreringstype", "Saksframlegg")
        el(node, "moetesakstype", ITEM_KINDS.get(item.kind, "Sak"))
        el(node, "moeteregistreringsstatus", ITEM_STATUS.get(item.status, "Behandlet"))
        el(node, "administrativEnhet", self.body.name)
        el(node, "saksbehandler", noark.text_or(item.presenter, self.by))
        self.counts.registrations += 1

    # --- the files ---------------------------------------------------------------------------

    def arkivstruktur(self, meetings: list[Meeting]) -> None:
        ns = NS["arkivstruktur"]
        ids = [str(m.uuid) for m in meetings]
        per_year: dict[int, int] = {}
        path = self.root / "arkivstruktur.xml"
        with etree.xmlfile(str(path), encoding="utf-8") as xf:
            xf.write_declaration()
            attrs = {f"{{{XSI}}}schemaLocation": f"{ns} arkivstruktur.xsd"}
            with xf.element(f"{{{ns}}}arkiv", attrs, nsmap={None: ns, "xsi": XSI}):
                for node in self._archive_head():
                    xf.write(_qualify(node, ns))
                with xf.element(f"{{{ns}}}arkivdel"):
                    for node in self._part_head():
                        xf.write(_qualify(node, ns))
                    for i, meeting in enumerate(meetings):
                        year = meeting.starts_at.year
                        per_year[year] = per_year.get(year, 0) + 1
                        self._folder_sequence = per_year[year]
                        number = f"{per_year[year]}/{year}"
                        prev = ids[i - 1] if i > 0 else ""
                        nxt = ids[i + 1] if i + 1 < len(ids) else ""
                        folder = self.meeting_folder(meeting, number, prev, nxt)
                        xf.write(_qualify(folder, ns))
                        xf.flush()

    def _archive_head(self) -> Iterator[etree._Element]:
        partnership = self.body.partnership
        creator = partnership.name if partnership else self.body.county.name
        for tag, value in (
            ("systemID", derived_id(self.body.uuid, "arkiv")),
            ("tittel", _("Meetings of %(body)s") % {"body": self.body.name}),
            ("arkivstatus", "Avsluttet"),
            ("opprettetDato", stamp(self.body.created_at)),
            ("opprettetAv", self.by),
            ("avsluttetDato", stamp(self.now)),
            ("avsluttetAv", self.by),
        ):
            node = etree.Element(tag)
            node.text = str(value)
            yield node
        node = etree.Element("arkivskaper")
        el(node, "arkivskaperID", str(partnership.uuid if partnership else self.body.county.uuid))
        el(node, "arkivskaperNavn", creator)
        yield node

    def _part_head(self) -> Iterator[etree._Element]:
        for tag, value in (
            ("systemID", derived_id(self.body.uuid, "arkivdel", self.start, self.end)),
            (
                "tittel",
                _("%(body)s %(start)s–%(end)s")
                % {
                    "body": self.body.name,
                    "start": self.start.strftime("%d.%m.%Y"),
                    "end": self.end.strftime("%d.%m.%Y"),
                },
            ),
            ("arkivdelstatus", "Avsluttet periode"),
            ("opprettetDato", stamp(self.now)),
            ("opprettetAv", self.by),
            ("avsluttetDato", stamp(self.now)),
            ("avsluttetAv", self.by),
            ("arkivperiodeStartDato", self.start.isoformat()),
            ("arkivperiodeSluttDato", self.end.isoformat()),
        ):
            node = etree.Element(tag)
            node.text = str(value)
            yield node


def _read(attachment: Attachment) -> bytes:
    try:
        with attachment.file.open("rb") as f:
            return f.read()
    except (OSError, ValueError):
        return b""


def extract(*, body: Body, start: date, end: date, out: BinaryIO, by: str) -> Summary:
    """Write the extraction of the body's closed meetings from `start` to `end` (inclusive)
    as a tar into `out`. Refuses a period without closed meetings (Noark needs at least one)."""
    if end < start:
        raise ValidationError({"end": _("The period must end on or after the day it starts.")})
    meetings = list(
        closed_meetings(body, start, end).select_related("body", "minutes", "minutes__approved_by")
    )
    if not meetings:
        raise ValidationError(
            _("%(body)s has no meetings with approved minutes from %(start)s to %(end)s.")
            % {
                "body": body.name,
                "start": start.strftime("%d.%m.%Y"),
                "end": end.strftime("%d.%m.%Y"),
            }
        )
    package_id = str(uuid.uuid4())
    with tempfile.TemporaryDirectory(prefix="noark5-") as tmp:
        root = Path(tmp)
        writer = _Writer(root, body, start, end, by)
        writer.arkivstruktur(meetings)
        journals.endringslogg(root, meetings, writer.counts, by)
        journals.journals(root, writer.counts, body, start, end)
        for name in XSD_FILES:
            shutil.copyfile(SCHEMAS / name, root / name)
        journals.arkivuttrekk(root, writer.counts, body, start, end)
        with tarfile.open(fileobj=out, mode="w|") as tar:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    tar.add(path, arcname=f"{package_id}/{path.relative_to(root)}")
    return Summary(package_id, len(meetings), writer.counts, writer.not_archival)


__all__ = ["SCHEMAS", "Summary", "closed_meetings", "declares_pdfa", "extract", "sha256_of"]
