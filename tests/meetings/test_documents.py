"""The meeting's documents, each rendered on its own from content and read back as a reader would:
PDF through poppler, DOCX through LibreOffice and python-docx, calendars through icalendar."""

from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO

import docx as python_docx
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from partnerskap.meetings import documents, selectors, services
from partnerskap.meetings.models import AttendanceStatus, ItemKind, Meeting

from ..documents.tools import docx_text, office_profile, pdf_metadata, pdf_text  # noqa: F401
from .conftest import at, later_in_year

EXEMPT_TITLE = "Personalsak: omplassering av veileder ved kontoret"
EXEMPT_NOTES = "Drøftet den ansattes situasjon i detalj."
EXEMPT_DECISION = "Veilederen flyttes til markedsteamet fra 1. mai."
DECISIONS = (
    "Partnerskapet ber NAV-leder lage en kompetanseplan for 2027.",
    "Kommunen og staten deler husleien etter antall årsverk.",
)
FOLLOW_UPS = ("Utarbeide kompetanseplan", "Avklare fordeling av husleie")
CARRIED = "Lage rekrutteringsplan"


@dataclass
class Minutes:
    meeting: Meeting
    exempt_id: int
    decision_ids: list[int]


def _flat(text: str) -> str:
    """Line breaks and wrapping differ between renderers; the words and their order do not."""
    return " ".join(text.split())


def _decide(world, meeting, item, text, **fields):
    item.refresh_from_db()
    return services.item_update(
        actor=world.minute_taker, item=item, revision=item.revision, decision_text=text, **fields
    )


@pytest.fixture
def held(world, body, meeting) -> Minutes:
    """A second meeting of the body, held: attendance with notice of absence and a guest, two
    decisions (one with a review date) with two follow-ups, an exempt item, and a follow-up
    carried from the first meeting."""
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    first_decision = meeting.items.get(kind=ItemKind.DECISION)
    _decide(world, meeting, first_decision, "Vedtatt.")
    services.action_add(
        actor=world.minute_taker,
        item=first_decision,
        title=CARRIED,
        owner=world.municipal_owner,
        due_date=later_in_year(30),
    )
    day = later_in_year()
    second = services.meeting_schedule(
        actor=world.nav_leader,
        body=body,
        starts_at=at(day, 9),
        ends_at=at(day, 15),
        location="Kommunestyresalen, Brekstad",
        video_link="https://video.example.no/orland",
        chair=world.municipal_owner,
        minute_taker=world.minute_taker,
        breaks=[{"at": "12:00", "minutes": 30}],
    )
    exempt = services.item_add(
        actor=world.nav_leader,
        meeting=second,
        title=EXEMPT_TITLE,
        kind=ItemKind.DECISION,
        exempt=True,
        legal_ground="Offl. § 13, jf. fvl. § 13",
        public_title="Personalsak",
    )
    second = services.meeting_send_notice(actor=world.nav_leader, meeting=second)
    attendance = {a.person_id: a.pk for a in second.attendances.all()}
    services.attendance_record(
        actor=world.minute_taker,
        meeting=second,
        statuses={
            attendance[world.nav_leader.pk]: AttendanceStatus.PRESENT,
            attendance[world.municipal_owner.pk]: AttendanceStatus.PRESENT,
            attendance[world.minute_taker.pk]: AttendanceStatus.ABSENT_WITH_NOTICE,
        },
        guests=["Gunn Gjest"],
    )
    competence = second.items.get(kind=ItemKind.DISCUSSION, position=7)
    services.item_update(
        actor=world.minute_taker,
        item=competence,
        revision=competence.revision,
        kind=ItemKind.DECISION,
        notes="Behovet er størst i oppfølgingen.",
    )
    standard = second.items.get(kind=ItemKind.DECISION, position=9)
    first = _decide(world, second, competence, DECISIONS[0], review_date=later_in_year(200))
    second_decision = _decide(world, second, standard, DECISIONS[1])
    _decide(world, second, exempt, EXEMPT_DECISION, notes=EXEMPT_NOTES)
    for title, owner, item in (
        (FOLLOW_UPS[0], world.nav_leader, first),
        (FOLLOW_UPS[1], world.municipal_owner, second_decision),
    ):
        services.action_add(
            actor=world.minute_taker,
            item=item,
            title=title,
            owner=owner,
            due_date=later_in_year(120),
        )
    services.meeting_mark_held(actor=world.nav_leader, meeting=second)
    return Minutes(second, exempt.pk, [first.pk, second_decision.pk])


def _expected(content: dict) -> list[str]:
    """Everything the minutes must say about every item."""
    out = []
    for item in content["items"]:
        out += [item["label"], item["title"], item["decision"]]
        out += [a["title"] for a in item["actions"]] + [a["owner"] for a in item["actions"]]
    return [_flat(text) for text in out if text]


def _missing(expected: list[str], text: str) -> list[str]:
    flat = _flat(text)
    return [e for e in expected if e not in flat]


# --- content --------------------------------------------------------------------------------


def test_content_has_start_times_breaks_and_approval(held):
    content = selectors.minutes_content(held.meeting)
    starts = [i["start"] for i in content["items"]]
    assert starts[0] == "09:00"
    assert content["breaks"] and content["breaks"][0]["minutes"] == 30
    before = next(i for i in content["items"] if i["id"] == content["breaks"][0]["before_item"])
    assert before["start"] > content["breaks"][0]["start"]
    assert content["approval"]["status"] == "draft"


def test_content_costs_the_same_queries_however_long_the_minutes(world, held):
    with CaptureQueriesContext(connection) as few:
        selectors.minutes_content(held.meeting)
    for n in range(5):
        item = services.item_add(
            actor=world.nav_leader,
            meeting=held.meeting,
            title=f"Ekstra {n}",
            kind=ItemKind.INFORMATION,
        )
        services.action_add(
            actor=world.minute_taker,
            item=item,
            title=f"Gjør {n}",
            owner=world.nav_leader,
            due_date=later_in_year(150),
        )
    with CaptureQueriesContext(connection) as many:
        selectors.minutes_content(held.meeting)
    assert len(many) == len(few)


# --- PDF ------------------------------------------------------------------------------------


def test_minutes_pdf_holds_every_item_decision_and_follow_up(held, tmp_path):
    content = selectors.minutes_content(held.meeting)
    text = pdf_text(documents.minutes_pdf(content), tmp_path)
    assert len([i for i in content["items"] if i["decision"]]) == 3
    assert not _missing(_expected(content), text)
    flat = _flat(text)
    for expected in (*FOLLOW_UPS, CARRIED, "Gunn Gjest", EXEMPT_NOTES, "Offl. § 13, jf. fvl. § 13"):
        assert expected in flat


def test_minutes_pdf_shows_attendance_by_status(held, tmp_path, world):
    content = selectors.minutes_content(held.meeting)
    text = _flat(pdf_text(documents.minutes_pdf(content), tmp_path))
    groups = dict(documents.attendance_groups(content))
    headings = [str(heading) for _, heading in documents.ATTENDANCE_GROUPS]
    present, with_notice, _absent, guests, _invited = headings
    assert list(groups) == [present, with_notice, guests]
    assert groups[with_notice] == [world.minute_taker.display_name]
    assert groups[guests] == ["Gunn Gjest"]
    for heading, names in groups.items():
        assert _flat(f"{heading} {', '.join(names)}") in text


def test_archival_pdf_declares_pdf_a_2b(held, tmp_path):
    content = selectors.minutes_content(held.meeting)
    metadata = pdf_metadata(documents.minutes_pdf(content), tmp_path)
    assert 'pdfaid:part="2"' in metadata
    assert 'pdfaid:conformance="B"' in metadata
    plain = pdf_metadata(documents.minutes_pdf(content, archival=False), tmp_path)
    assert "pdfaid" not in plain


def test_notice_pdf_has_agenda_with_start_times(held, tmp_path):
    content = selectors.minutes_content(held.meeting)
    text = _flat(pdf_text(documents.notice_pdf(content), tmp_path))
    for item in content["items"]:
        assert item["label"] in text
        assert f"{item['start']} {item['label']}" in text
    assert content["breaks"][0]["start"] in text
    assert "Kommunestyresalen, Brekstad" in text
    assert "https://video.example.no/orland" in text
    for row in documents.invited(content):
        assert row in text


def test_approved_minutes_say_so(world, held, tmp_path):
    services.minutes_approve(actor=world.nav_leader, meeting=held.meeting)
    content = selectors.approved_content(held.meeting)
    line = documents.approval_line(content)
    assert world.nav_leader.display_name in line
    assert _flat(line) in _flat(pdf_text(documents.minutes_pdf(content), tmp_path))


def test_decision_excerpt_holds_only_its_decision(held, tmp_path):
    content = selectors.minutes_content(held.meeting)
    item = next(i for i in content["items"] if i["id"] == held.decision_ids[0])
    text = _flat(pdf_text(documents.decision_excerpt_pdf(content, item["id"]), tmp_path))
    assert item["label"] in text
    assert _flat(item["title"]) in text
    assert DECISIONS[0] in text
    assert FOLLOW_UPS[0] in text
    assert content["body"] in text
    for other in (DECISIONS[1], EXEMPT_DECISION, FOLLOW_UPS[1], CARRIED):
        assert other not in text
    with pytest.raises(LookupError):
        documents.decision_excerpt_pdf(content, -1)


@pytest.mark.parametrize("render", [documents.minutes_pdf, documents.notice_pdf])
def test_public_pdfs_leave_out_the_exempt_item(held, tmp_path, render):
    content = selectors.minutes_content(held.meeting)
    exempt = next(i for i in content["items"] if i["id"] == held.exempt_id)
    internal = _flat(pdf_text(render(content), tmp_path))
    assert EXEMPT_TITLE in internal  # the internal document shows it: the test can see it go
    text = _flat(pdf_text(render(selectors.strip_exempt(content)), tmp_path))
    for secret in (EXEMPT_TITLE, EXEMPT_NOTES, EXEMPT_DECISION, "https://video.example.no/orland"):
        assert secret not in text
    assert f"{exempt['label']} Personalsak" in text  # its number and public title stay


# --- DOCX -----------------------------------------------------------------------------------


def _python_docx_text(data: bytes) -> str:
    document = python_docx.Document(BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_minutes_docx_holds_the_same_content(held, tmp_path, office_profile):  # noqa: F811
    content = selectors.minutes_content(held.meeting)
    data = documents.minutes_docx(content)
    expected = [*_expected(content), CARRIED, "Gunn Gjest"]
    assert not _missing(expected, docx_text(data, tmp_path, office_profile))
    assert not _missing(expected, _python_docx_text(data))
    assert python_docx.Document(BytesIO(data)).core_properties.language == "nb-NO"


def test_notice_docx_holds_the_agenda(held, tmp_path, office_profile):  # noqa: F811
    content = selectors.minutes_content(held.meeting)
    data = documents.notice_docx(content)
    expected = [_flat(t) for i in content["items"] for t in (i["label"], i["title"], i["start"])]
    assert not _missing(expected, docx_text(data, tmp_path, office_profile))
    assert not _missing(expected, _python_docx_text(data))


def test_public_docx_leaves_out_the_exempt_item(held):
    public = selectors.strip_exempt(selectors.minutes_content(held.meeting))
    text = _python_docx_text(documents.minutes_docx(public))
    for secret in (EXEMPT_TITLE, EXEMPT_NOTES, EXEMPT_DECISION):
        assert secret not in text


# --- calendars ------------------------------------------------------------------------------


def _event(data: bytes):
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_invitation_keeps_its_uid_and_raises_sequence_on_change(world, meeting):
    calendar, event = _event(documents.meeting_ics(meeting))
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]) == f"{meeting.uuid}@partnerskap"
    assert documents.meeting_ics(meeting) == documents.meeting_ics(meeting)
    assert event["DTSTART"].dt == meeting.starts_at
    assert event["LOCATION"] == "Rådhuset, Brekstad"
    first = meeting.items.order_by("position").first()
    assert f"11:00 {first.label} {first.title}" in event["DESCRIPTION"]
    moved = services.meeting_update(
        actor=world.nav_leader,
        meeting=meeting,
        revision=None,
        starts_at=meeting.starts_at + timedelta(hours=1),
    )
    _, after = _event(documents.meeting_ics(moved))
    assert after["UID"] == event["UID"]
    assert after["SEQUENCE"] > event["SEQUENCE"]
    assert after["DTSTART"].dt == meeting.starts_at + timedelta(hours=1)


def test_invitation_with_video_link_has_url(world, meeting):
    meeting = services.meeting_update(
        actor=world.nav_leader,
        meeting=meeting,
        revision=None,
        video_link="https://video.example.no/m",
    )
    _, event = _event(documents.meeting_ics(meeting))
    assert str(event["URL"]) == "https://video.example.no/m"


def test_invitation_shows_exempt_items_by_public_title(world, meeting):
    services.item_add(
        actor=world.nav_leader,
        meeting=meeting,
        title=EXEMPT_TITLE,
        kind=ItemKind.DECISION,
        exempt=True,
        legal_ground="Offl. § 13",
        public_title="Personalsak",
    )
    _, event = _event(documents.meeting_ics(meeting))
    assert "Personalsak" in event["DESCRIPTION"]
    assert EXEMPT_TITLE not in event["DESCRIPTION"]


def test_cancelled_meeting_gives_a_cancellation(world, meeting):
    _, before = _event(documents.meeting_ics(meeting))
    cancelled = services.meeting_cancel(actor=world.nav_leader, meeting=meeting, reason="Sykdom")
    calendar, event = _event(documents.meeting_ics(cancelled))
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert event["UID"] == before["UID"]
    assert event["SEQUENCE"] > before["SEQUENCE"]


def test_body_feed_has_one_event_per_meeting(world, body, meeting, django_assert_num_queries):
    for days in (30, 60):
        day = later_in_year(days)
        services.meeting_schedule(
            actor=world.nav_leader, body=body, starts_at=at(day, 11), ends_at=at(day, 14)
        )
    with django_assert_num_queries(2):
        feed = documents.body_ics_feed(body, selectors.body_calendar(body))
    calendar = Calendar.from_ical(feed)
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    assert len({str(e["UID"]) for e in events}) == 3
    assert "METHOD" not in calendar


# --- e-mail ---------------------------------------------------------------------------------


@pytest.fixture
def with_emails(world):
    for person in (world.nav_leader, world.municipal_owner, world.minute_taker):
        person.email = f"{person.username}@example.no"
        person.save(update_fields=["email"])
    return sorted(p.email for p in (world.nav_leader, world.municipal_owner, world.minute_taker))


def _attachments(message) -> dict:
    return {a[0]: (a[1], a[2]) for a in message.attachments}


def test_notice_mail_carries_pdf_and_invitation(
    world, meeting, with_emails, django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    assert sorted(to for m in mail.outbox for to in m.to) == with_emails  # one e-mail each
    message = mail.outbox[0]
    attachments = _attachments(message)
    pdf, pdf_type = attachments["innkalling.pdf"]
    assert pdf_type == "application/pdf"
    assert meeting.items.first().label in pdf_text(pdf, tmp_path)
    ics, ics_type = attachments["mote.ics"]
    assert ics_type.startswith("text/calendar")
    calendar, _ = _event(ics if isinstance(ics, bytes) else ics.encode())
    assert calendar["METHOD"] == "REQUEST"


def test_cancellation_mail_carries_a_cancel(
    world, meeting, with_emails, django_capture_on_commit_callbacks
):
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(actor=world.nav_leader, meeting=meeting, reason="Sykdom")
    (message,) = mail.outbox
    ics, _ = _attachments(message)["mote.ics"]
    calendar, event = _event(ics if isinstance(ics, bytes) else ics.encode())
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"


def test_minutes_for_comments_mail_carries_the_draft(
    world, held, with_emails, django_capture_on_commit_callbacks, tmp_path
):
    from django.utils import timezone

    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_send_for_comments(
            actor=world.minute_taker,
            meeting=held.meeting,
            deadline=timezone.localdate() + timedelta(days=7),
        )
    (message,) = mail.outbox
    pdf, _ = _attachments(message)["referat-utkast.pdf"]
    text = _flat(pdf_text(pdf, tmp_path))
    assert DECISIONS[0] in text and FOLLOW_UPS[1] in text
