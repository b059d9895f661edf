"""The documents of a meeting, as bytes: the notice and the minutes as PDF (archival PDF/A) and
DOCX, an extract of one decision, and calendar invitations and feeds.

Each document is a pure function of the content `selectors.minutes_content` makes (or of the
meeting, for calendars), so a page, an e-mail and the archive get the same document from the same
data. They render whatever content they are given: public documents are made from
`selectors.strip_exempt(content)`.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from docx.document import Document

from partnerskap.documents import docx, ics
from partnerskap.documents.pdf import render_pdf
from partnerskap.documents.templatetags.paper import isodate

from .models import (
    AgendaItem,
    ApprovalKind,
    AttendanceStatus,
    Body,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from .selectors import agenda_schedule

# What selectors.minutes_content makes (or strip_exempt, its public form); one item or row of it.
Content = dict[str, Any]
Row = dict[str, Any]

# --- content shaped for print, shared by PDF and DOCX -----------------------------------------

ATTENDANCE_GROUPS = (
    (AttendanceStatus.PRESENT, gettext_lazy("Present")),
    (AttendanceStatus.ABSENT_WITH_NOTICE, gettext_lazy("Absent with notice")),
    (AttendanceStatus.ABSENT, gettext_lazy("Absent")),
    (AttendanceStatus.GUEST, gettext_lazy("Guests")),
    (AttendanceStatus.INVITED, gettext_lazy("Invited, attendance not recorded")),
)


def _person(entry: Row) -> str:
    return f"{entry['name']} ({entry['represents']})" if entry.get("represents") else entry["name"]


def invited(content: Content) -> list[str]:
    return [_person(a) for a in content["attendance"] if a["status"] != AttendanceStatus.GUEST]


def attendance_groups(content: Content) -> list[tuple[str, list[str]]]:
    """Who came, who sent notice of absence (forfall), who stayed away, and the guests."""
    groups = []
    for status, heading in ATTENDANCE_GROUPS:
        names = [_person(a) for a in content["attendance"] if a["status"] == status]
        if names:
            groups.append((str(heading), names))
    return groups


def meeting_facts(content: Content) -> list[tuple[str, str]]:
    rows = [
        (_("Body"), content["body"]),
        (_("Date"), isodate(content["date"])),
        (_("Time"), f"{content['starts']}–{content['ends']}"),
        (_("Place"), content["location"]),
        (_("Video link"), content["video_link"]),
        (_("Chair"), content["chair"]),
        (_("Minute-taker"), content["minute_taker"]),
    ]
    return [(label, value) for label, value in rows if value]


def status_line(item: Row) -> str:
    """Why an item on the list was not dealt with here; it keeps its number all the same."""
    if item["status"] == ItemStatus.WITHDRAWN:
        if not item["status_note"]:  # the public form leaves an exempt item's reason out
            return str(ItemStatus.WITHDRAWN.label)
        return _("Withdrawn: %(reason)s") % {"reason": item["status_note"]}
    if item["status"] == ItemStatus.FORWARDED:
        return item["status_note"] or _("Forwarded to another body")
    return ""


def exempt_line(item: Row) -> str:
    if not item["exempt"]:
        return ""
    return _("Exempt from public access: %(ground)s") % {"ground": item["legal_ground"]}


def approval_line(content: Content) -> str:
    """Where the minutes stand, and whether they were recorded after the meeting."""
    line = _approval_status(content)
    if (content.get("approval") or {}).get("recorded_afterwards"):
        recorded = _("Recorded after the meeting: no notice or comment round in Partnerskap.")
        return f"{recorded} {line}".strip()
    return line


def _approval_status(content: Content) -> str:
    """Where the minutes stand; content frozen before the status was recorded has none."""
    approval = content.get("approval")
    if not approval:
        return ""
    status = approval["status"]
    if status == MinutesStatus.DRAFT:
        return _("Draft minutes, not approved.")
    if status == MinutesStatus.IN_COMMENT:
        return _("Draft minutes, out for comments until %(date)s.") % {
            "date": isodate(approval["comment_deadline"])
        }
    when = isodate(approval["approved_at"])
    if approval["kind"] == ApprovalKind.DEEMED:
        return _("Deemed approved on %(date)s: no objection by the deadline.") % {"date": when}
    if approval["approved_by"]:
        return _("Approved on %(date)s by %(person)s.") % {
            "date": when,
            "person": approval["approved_by"],
        }
    return _("Approved on %(date)s.") % {"date": when}


def print_items(content: Content) -> list[Row]:
    """The items with the lines a template cannot compose itself."""
    return [
        {
            **item,
            "status_line": status_line(item),
            "exempt_line": exempt_line(item),
            "is_follow_ups": item["kind"] == ItemKind.FOLLOW_UPS,
        }
        for item in content["items"]
    ]


def agenda_rows(content: Content) -> list[Row]:
    """The agenda in order, with each break before the item it precedes."""
    breaks: dict[int, list[Row]] = {}
    for pause in content.get("breaks", []):
        breaks.setdefault(pause["before_item"], []).append(pause)
    rows: list[Row] = []
    for item in print_items(content):
        rows += [{"is_break": True, **pause} for pause in breaks.get(item["id"], [])]
        rows.append({"is_break": False, "item": item})
    return rows


def break_text(minutes: int) -> str:
    return ngettext("Break, %(minutes)s minute", "Break, %(minutes)s minutes", minutes) % {
        "minutes": minutes
    }


def action_rows(actions: list[Row], *, carried: bool = False) -> list[list[str]]:
    return [
        ([a["from"]] if carried else [])
        + [a["title"], a["owner"], isodate(a["due_date"]), a["status_display"]]
        for a in actions
    ]


def action_headers(*, carried: bool = False) -> list[str]:
    headers = [_("What"), _("Responsible"), _("Due"), _("Status")]
    return [_("From"), *headers] if carried else headers


def _find_item(content: Content, item_id: int) -> Row:
    for item in print_items(content):
        if item["id"] == item_id:
            return item
    raise LookupError(f"item {item_id} is not in these minutes")


# --- PDF --------------------------------------------------------------------------------------


def _context(content: Content) -> dict[str, Any]:
    return {
        "c": content,
        "facts": meeting_facts(content),
        "items": print_items(content),
        "approval": approval_line(content),
    }


def notice_pdf(content: Content, *, archival: bool = True) -> bytes:
    """The notice: when and where, who is invited, and the agenda with computed start times."""
    context = {**_context(content), "invited": invited(content), "agenda": agenda_rows(content)}
    return render_pdf(render_to_string("meetings/print/notice.html", context), archival=archival)


def minutes_pdf(content: Content, *, archival: bool = True) -> bytes:
    """The minutes: attendance, then every item with notes, decision and follow-ups."""
    context = {**_context(content), "attendance": attendance_groups(content)}
    return render_pdf(render_to_string("meetings/print/minutes.html", context), archival=archival)


def decision_excerpt_pdf(content: Content, item_id: int, *, archival: bool = True) -> bytes:
    """An extract from the minutes ("utskrift av møtebok") with one item's decision, to send to
    whoever must act on it without the rest of the minutes."""
    context = {**_context(content), "item": _find_item(content, item_id)}
    html = render_to_string("meetings/print/decision_excerpt.html", context)
    return render_pdf(html, archival=archival)


# --- DOCX -------------------------------------------------------------------------------------


def _docx_heading(
    document: Document,
    title: str,
    content: Content,
    status: str = "",
) -> None:
    docx.paragraph(document, f"{content['body']}, {isodate(content['date'])}", italic=True)
    docx.heading(document, title, level=0)
    if status:
        docx.paragraph(document, status, italic=True)
    docx.table(document, None, meeting_facts(content))


def notice_docx(content: Content) -> bytes:
    document = docx.new_document(title=f"{_('Notice of meeting')} – {content['body']}")
    _docx_heading(document, _("Notice of meeting"), content)
    docx.heading(document, _("Invited"), level=1)
    for name in invited(content):
        docx.paragraph(document, name, style="List Bullet")
    docx.heading(document, _("Agenda"), level=1)
    docx.table(
        document,
        [_("Starts"), _("Item"), _("Title"), _("Presenter")],
        [
            [row["start"], "", break_text(row["minutes"]), ""]
            if row["is_break"]
            else [
                row["item"]["start"] or "",
                row["item"]["label"],
                "\n".join(filter(None, [row["item"]["title"], row["item"]["status_line"]])),
                row["item"]["presenter"],
            ]
            for row in agenda_rows(content)
        ],
    )
    for item in print_items(content):
        if item["background"]:
            docx.heading(document, f"{item['label']} {item['title']}", level=2)
            docx.paragraph(document, item["background"])
    return docx.to_bytes(document)


def _docx_item(document: Document, item: Row) -> None:
    docx.heading(document, f"{item['label']} {item['title']}", level=2)
    for line in (item["status_line"], item["exempt_line"]):
        if line:
            docx.paragraph(document, line, italic=True)
    if item.get("background_in_minutes") and item["background"]:
        docx.paragraph(document, item["background"])
    if item["notes"]:
        docx.paragraph(document, item["notes"])
    if item["decision"]:
        docx.paragraph(document, _("Decision"), bold=True)
        docx.paragraph(document, item["decision"])
    if item["review_date"]:
        docx.paragraph(
            document,
            _("The decision is to be reviewed on %(date)s.")
            % {"date": isodate(item["review_date"])},
        )
    if item["actions"]:
        docx.paragraph(document, _("Follow-ups"), bold=True)
        docx.table(document, action_headers(), action_rows(item["actions"]))
    if item.get("carried_actions"):
        docx.paragraph(document, _("Open follow-ups from earlier meetings"), bold=True)
        docx.table(
            document,
            action_headers(carried=True),
            action_rows(item["carried_actions"], carried=True),
        )


def minutes_docx(content: Content) -> bytes:
    document = docx.new_document(title=f"{_('Minutes')} – {content['body']}")
    _docx_heading(document, _("Minutes"), content, approval_line(content))
    docx.heading(document, _("Attendance"), level=1)
    docx.table(
        document,
        None,
        [(heading, ", ".join(names)) for heading, names in attendance_groups(content)],
    )
    if content["introduction"]:
        docx.paragraph(document, content["introduction"])
    docx.heading(document, _("Items"), level=1)
    for item in print_items(content):
        _docx_item(document, item)
    return docx.to_bytes(document)


# --- calendars --------------------------------------------------------------------------------


def _agenda_text(meeting: Meeting, items: list[AgendaItem]) -> str:
    """The agenda for the event's description. Exempt items show their public title: calendars
    are synchronised to servers and shared with assistants, beyond the body's own access."""
    lines = [_("Agenda")]
    for slot in agenda_schedule(meeting, items):
        start = slot.starts.strftime("%H:%M")
        if slot.item is None:
            lines.append(f"{start} {break_text(slot.minutes)}")
        else:
            lines.append(f"{start} {slot.item.label} {slot.item.shown_publicly_as}")
    if meeting.video_link:
        lines += ["", _("Video link: %(link)s") % {"link": meeting.video_link}]
    return "\n".join(lines)


def _event_data(meeting: Meeting, body_name: str, *, organizer: bool) -> ics.EventData:
    cancelled = meeting.status == MeetingStatus.CANCELLED
    description = _agenda_text(meeting, sorted(meeting.items.all(), key=lambda i: i.position))
    if cancelled:
        reason = _("The meeting is cancelled: %(reason)s") % {"reason": meeting.cancelled_reason}
        description = f"{reason}\n\n{description}"
    return ics.EventData(
        uid=ics.uid_for(meeting.uuid),
        sequence=meeting.calendar_sequence,
        starts=meeting.starts_at,
        ends=meeting.ends_at,
        # The last change, not the render time: the same meeting gives the same bytes.
        stamp=meeting.updated_at,
        summary=meeting.title or body_name,
        location=meeting.location or meeting.video_link,
        url=meeting.video_link,
        description=description,
        cancelled=cancelled,
        organizer_email=settings.DEFAULT_FROM_EMAIL if organizer else "",
        organizer_name=body_name if organizer else "",
    )


def meeting_ics(meeting: Meeting) -> bytes:
    """The invitation for one meeting; a cancelled meeting gives the cancellation."""
    cancelled = meeting.status == MeetingStatus.CANCELLED
    calendar = ics.new_calendar(method="CANCEL" if cancelled else "REQUEST")
    calendar.add_component(ics.new_event(_event_data(meeting, meeting.body.name, organizer=True)))
    return ics.to_bytes(calendar)


def body_ics_feed(body: Body, meetings: Iterable[Meeting]) -> bytes:
    """A body's meetings as a feed to subscribe to; cancelled ones stay, marked cancelled, so
    subscribed calendars drop them. Pass meetings from `selectors.body_calendar`."""
    calendar = ics.new_calendar(name=body.name)
    for meeting in meetings:
        calendar.add_component(ics.new_event(_event_data(meeting, body.name, organizer=False)))
    return ics.to_bytes(calendar)


def person_ics_feed(name: str, meetings: Iterable[Meeting]) -> bytes:
    """The meetings of several bodies as one feed to subscribe to, each event named by its body.
    Pass meetings with their body and agenda at hand (`feed_selectors.feed_meetings`)."""
    calendar = ics.new_calendar(name=name)
    for meeting in meetings:
        event = _event_data(meeting, meeting.body.name, organizer=False)
        calendar.add_component(ics.new_event(event))
    return ics.to_bytes(calendar)
