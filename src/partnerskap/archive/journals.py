"""The files of an extraction beside arkivstruktur.xml: the change log from the history tables,
the two journals, and the ADDML description with the checksum of every XML and XSD."""

from datetime import date
from pathlib import Path

from lxml import etree

from partnerskap.meetings.models import AgendaItem, Body, Meeting

from . import noark
from .noark import NS, SCHEMAS, XSI, Counts, el, sha256_of, stamp

# Our fields and the Noark metadata they are (metadatakatalog's names).
NOARK_FIELDS = {
    Meeting: {
        "title": "tittel",
        "location": "moetested",
        "starts_at": "moetedato",
        "status": "mappestatus",
    },
    AgendaItem: {
        "title": "tittel",
        "public_title": "offentligTittel",
        "background": "beskrivelse",
        "notes": "beskrivelse",
        "exempt": "tilgangsrestriksjon",
        "legal_ground": "skjermingshjemmel",
        "decision_text": "virksomhetsspesifikkeMetadata",
        "status": "moeteregistreringsstatus",
        "kind": "moetesakstype",
    },
}
EMPTY = "(tom)"  # Noark's values may not be empty: a field that had none says so


def _value(value: object) -> str:
    text = "" if value is None else str(value)
    return text.strip() or EMPTY


def _changes(model, rows) -> list[etree._Element]:
    """One `endring` per changed field between consecutive history records of one row."""
    fields = NOARK_FIELDS[model]
    out = []
    previous = None
    for record in rows:
        if previous is not None and previous.id == record.id:
            for name, noark_name in fields.items():
                old, new = getattr(previous, name), getattr(record, name)
                if old != new:
                    node = etree.Element("endring")
                    el(node, "referanseArkivenhet", record.uuid)
                    el(node, "referanseMetadata", noark_name)
                    el(node, "endretDato", stamp(record.history_date))
                    user = record.history_user
                    el(node, "endretAv", user.display_name if user else noark.SYSTEM)
                    el(node, "tidligereVerdi", _value(old))
                    el(node, "nyVerdi", _value(new))
                    out.append(node)
        previous = record
    return out


def endringslogg(root: Path, meetings: list[Meeting], counts: Counts, by: str) -> None:
    ns = NS["endringslogg"]
    with etree.xmlfile(str(root / "endringslogg.xml"), encoding="utf-8") as xf:
        xf.write_declaration()
        attrs = {f"{{{XSI}}}schemaLocation": f"{ns} endringslogg.xsd"}
        with xf.element(f"{{{ns}}}endringslogg", attrs, nsmap={None: ns, "xsi": XSI}):
            for meeting in meetings:
                nodes = _changes(
                    Meeting,
                    Meeting.history.filter(id=meeting.pk)
                    .select_related("history_user")
                    .order_by("history_date", "history_id"),
                )
                item_ids = list(
                    AgendaItem.objects.filter(meeting=meeting).values_list("pk", flat=True)
                )
                nodes += _changes(
                    AgendaItem,
                    AgendaItem.history.filter(id__in=item_ids)
                    .select_related("history_user")
                    .order_by("id", "history_date", "history_id"),
                )
                nodes.append(_closing(meeting, by))
                for node in nodes:
                    xf.write(_ns(node, ns))
                counts.changes += len(nodes)


def _closing(meeting: Meeting, by: str) -> etree._Element:
    """The meeting folder closed when its minutes were approved: always a change, so the log
    is never empty (the schema needs one `endring`), also for data that has no history rows."""
    minutes = meeting.minutes
    node = etree.Element("endring")
    el(node, "referanseArkivenhet", meeting.uuid)
    el(node, "referanseMetadata", "mappestatus")
    el(node, "endretDato", stamp(minutes.approved_at or meeting.updated_at))
    el(node, "endretAv", minutes.approved_by.display_name if minutes.approved_by else by)
    el(node, "tidligereVerdi", "Opprettet")
    el(node, "nyVerdi", "Avsluttet")
    return node


def _ns(node: etree._Element, namespace: str) -> etree._Element:
    for child in node.iter():
        if isinstance(child.tag, str) and not child.tag.startswith("{"):
            child.tag = f"{{{namespace}}}{child.tag}"
    return node


def journals(root: Path, counts: Counts, body: Body, start: date, end: date) -> None:
    for kind in ("loependeJournal", "offentligJournal"):
        ns = NS[kind]
        public = kind == "offentligJournal"
        with etree.xmlfile(str(root / f"{kind}.xml"), encoding="utf-8") as xf:
            xf.write_declaration()
            attrs = {f"{{{XSI}}}schemaLocation": f"{ns} {kind}.xsd"}
            with xf.element(f"{{{ns}}}{kind}", attrs, nsmap={None: ns, "xsi": XSI}):
                head = etree.Element("journalhode")
                el(head, "journalStartDato", start.isoformat())
                el(head, "journalSluttDato", end.isoformat())
                el(head, "antallJournalposter", len(counts.journal))
                creator = el(head, "arkivskaper")
                owner = body.partnership or body.county
                el(creator, "arkivskaperID", owner.uuid)
                el(creator, "arkivskaperNavn", owner.name)
                xf.write(_ns(head, ns))
                for post in counts.journal:
                    xf.write(_ns(_registration(post, body, public=public), ns))


def _registration(post: noark.JournalPost, body: Body, *, public: bool) -> etree._Element:
    node = etree.Element("journalregistrering")
    folder = el(node, "saksmappe")
    if public:
        el(folder, "mappeID", post.folder_id)
        el(folder, "saksaar", post.folder_year)
        el(folder, "sakssekvensnummer", post.folder_sequence)
        el(folder, "offentligTittel", post.folder_title)
    else:
        el(folder, "mappeID", post.folder_id)
        el(folder, "saksaar", post.folder_year)
        el(folder, "sakssekvensnummer", post.folder_sequence)
        el(folder, "tittel", post.folder_title)
        el(folder, "offentligTittel", post.folder_title)
    el(folder, "administrativEnhet", body.name)
    journal = el(node, "journalpost")
    el(journal, "systemID", post.system_id)
    el(journal, "journalaar", post.year)
    el(journal, "journalsekvensnummer", post.sequence)
    el(journal, "journalpostnummer", post.number)
    if not public:
        el(journal, "tittel", post.title)
    el(journal, "offentligTittel", post.public_title)
    el(journal, "journaldato", post.date.isoformat())
    el(journal, "dokumentetsDato", post.date.isoformat())
    el(journal, "administrativEnhet", body.name)
    party = el(journal, "korrespondansepart")
    el(party, "korrespondanseparttype", "Intern mottaker")
    el(party, "korrespondansepartNavn", noark.text_or(body.name, "Organet"))
    return node


# --- arkivuttrekk.xml -------------------------------------------------------------------------

ADDML = "http://www.arkivverket.no/standarder/addml"
A = f"{{{ADDML}}}"


def _property(parent: etree._Element, name: str) -> etree._Element:
    for node in parent.iterfind(f"{A}properties/{A}property"):
        if node.get("name") == name:
            return node
    raise KeyError(name)


def _set(node: etree._Element, value: object) -> None:
    node.find(f"{A}value").text = str(value)


def arkivuttrekk(root: Path, counts: Counts, body: Body, start: date, end: date) -> None:
    """Riksarkivaren's template with our values and every XML/XSD file's SHA-256."""
    tree = etree.parse(str(SCHEMAS / "arkivuttrekk-template-v5_0.xml"))
    dataset = tree.getroot().find(f"{A}dataset")
    owner = body.partnership or body.county
    context = {n.get("name"): n for n in dataset.iter(f"{A}additionalElement") if n.get("name")}
    _set(context["recordCreator"], owner.name)
    _set(context["systemType"], "Møtebehandling (Noark-5)")
    _set(context["systemName"], "Partnerskap")
    _set(context["archive"], body.name)
    period = context["archivalPeriod"]
    _set(_property(period, "startDate"), start.isoformat())
    _set(_property(period, "endDate"), end.isoformat())
    for comment in list(tree.getroot().iter(etree.Comment)):
        comment.getparent().remove(comment)

    extraction = dataset.find(f"{A}dataObjects/{A}dataObject")
    info = _property(_property(extraction, "info"), "additionalInfo")
    periode = _property(info, "periode")
    _set(_property(periode, "inngaaendeSkille"), "skarpt")
    _set(_property(periode, "utgaaendeSkille"), "skarpt")
    _set(_property(info, "inneholderSkjermetInformasjon"), str(counts.exempt).lower())
    _set(_property(info, "omfatterDokumenterSomErKassert"), "false")
    _set(_property(info, "inneholderDokumenterSomSkalKasseres"), "false")
    _set(_property(info, "inneholderVirksomhetsspesifikkeMetadata"), "true")
    _set(_property(info, "antallDokumentfiler"), counts.files)

    occurrences = {
        "mappe": counts.folders,
        "registrering": counts.registrations,
        "endring": counts.changes,
        "journalregistrering": counts.journal_posts,
    }
    for data_object in extraction.iterfind(f"{A}dataObjects/{A}dataObject"):
        for prop in data_object.iter(f"{A}property"):
            name = prop.get("name")
            if name == "file":
                file_name = _property(prop, "name").find(f"{A}value").text
                try:
                    checksum = _property(_property(prop, "checksum"), "value")
                except KeyError:
                    continue  # a schema named again without a checksum of its own
                _set(checksum, sha256_of(root / file_name))
            elif name == "numberOfOccurrences":
                what = prop.find(f"{A}value").text
                _set(_property(prop, "value"), occurrences[what])
    tree.write(str(root / "arkivuttrekk.xml"), encoding="utf-8", xml_declaration=True)
