"""The meeting pages: every view through the same matrix (success, invalid input, wrong method,
anonymous, outsider, read-only role), the bad input the issue names, conflicting edits, and the
public page without exempt parts."""

import hashlib
import io
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from partnerskap.meetings import services
from partnerskap.meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    AnnualPlan,
    Attachment,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    BodyMember,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesComment,
    MinutesStatus,
    MinutesVersion,
)

from .conftest import at, later_in_year

LOGIN = "/logg-inn/"
PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
PLAIN_ZIP = _zip({"notes.txt": b"hello"})


@pytest.fixture(autouse=True)
def _media(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path


# --- the world of a case --------------------------------------------------------------------


@dataclass
class Ctx:
    world: object
    body: Body
    meeting: Meeting
    later: Meeting
    steering: Body
    steering_meeting: Meeting
    action: ActionItem
    attachment: Attachment
    extra: dict = field(default_factory=dict)

    @property
    def decision(self) -> AgendaItem:
        return self.meeting.items.filter(kind=ItemKind.DECISION).order_by("position").first()

    @property
    def item(self) -> AgendaItem:
        return self.meeting.items.order_by("position").first()

    def refresh(self) -> None:
        self.meeting.refresh_from_db()


def _decide_all(meeting: Meeting, text: str = "Vedtatt som foreslått.") -> None:
    for item in meeting.items.filter(kind=ItemKind.DECISION, status=ItemStatus.ACTIVE):
        AgendaItem.objects.filter(pk=item.pk).update(decision_text=text)


def notice(ctx: Ctx) -> None:
    services.meeting_send_notice(actor=ctx.world.nav_leader, meeting=ctx.meeting)


def hold(ctx: Ctx) -> None:
    notice(ctx)
    _decide_all(ctx.meeting)
    services.meeting_mark_held(actor=ctx.world.nav_leader, meeting=ctx.meeting)


def in_comment(ctx: Ctx) -> None:
    hold(ctx)
    services.minutes_send_for_comments(
        actor=ctx.world.nav_leader,
        meeting=ctx.meeting,
        deadline=timezone.localdate() + timedelta(days=7),
    )


def approve(ctx: Ctx) -> None:
    hold(ctx)
    services.minutes_approve(actor=ctx.world.nav_leader, meeting=ctx.meeting)


def approve_unpublished(ctx: Ctx) -> None:
    Body.objects.filter(pk=ctx.body.pk).update(publish_on_approval=False)
    ctx.meeting.body.refresh_from_db()
    approve(ctx)


@pytest.fixture
def ctx(world, body, meeting) -> Ctx:
    later = services.meeting_schedule(
        actor=world.nav_leader,
        body=body,
        starts_at=at(later_in_year(), 11),
        ends_at=at(later_in_year(), 14),
    )
    steering = services.body_create(
        actor=world.nav_leader,
        name="Styringsgruppen",
        kind=BodyKind.STEERING_GROUP,
        slug="orland-styringsgruppe",
        partnership=world.orland,
    )
    steering_day = later_in_year(30)
    steering_meeting = services.meeting_schedule(
        actor=world.nav_leader,
        body=steering,
        starts_at=at(steering_day, 9),
        ends_at=at(steering_day, 11),
    )
    decision = meeting.items.filter(kind=ItemKind.DECISION).first()
    action = services.action_add(
        actor=world.nav_leader,
        item=decision,
        title="Lag en plan",
        owner=world.municipal_owner,
        due_date=later_in_year(20),
    )
    attachment = services.attachment_add(
        actor=world.nav_leader,
        item=decision,
        title="Budsjett",
        file=SimpleUploadedFile("budsjett.pdf", PDF_BYTES),
    )
    return Ctx(world, body, meeting, later, steering, steering_meeting, action, attachment)


def snapshot() -> tuple:
    """Everything a page could change: an invalid request must leave it as it was."""
    return (
        list(Body.objects.order_by("pk").values_list("pk", "name", "slug")),
        list(BodyMember.objects.order_by("pk").values_list("pk", "role")),
        list(
            Meeting.objects.order_by("pk").values_list(
                "pk", "status", "revision", "cancelled_reason"
            )
        ),
        list(
            AgendaItem.objects.order_by("pk").values_list(
                "pk",
                "meeting_id",
                "position",
                "status",
                "title",
                "notes",
                "decision_text",
                "revision",
                "exempt",
            )
        ),
        list(ActionItem.objects.order_by("pk").values_list("pk", "status", "progress", "due_date")),
        list(Attachment.objects.order_by("pk").values_list("pk", "title")),
        list(Attendance.objects.order_by("pk").values_list("pk", "status")),
        list(
            Minutes.objects.order_by("pk").values_list(
                "pk", "status", "introduction", "comment_deadline"
            )
        ),
        MinutesComment.objects.count(),
        MinutesVersion.objects.count(),
        AnnualPlan.objects.count(),
    )


# --- the cases ------------------------------------------------------------------------------

Url = Callable[[Ctx], str]
Data = Callable[[Ctx], dict]


@dataclass(frozen=True)
class Case:
    id: str
    url: Url
    methods: tuple[str, ...] = ("get", "post")
    change: bool = True  # a read-only role gets 403
    setup: Callable[[Ctx], None] | None = None
    valid: Data | None = None  # POST data that succeeds
    check: Callable[[Ctx], bool] | None = None  # the success left its mark
    invalid: Data | None = None  # POST data refused with 400
    invalid_setup: Callable[[Ctx], None] | None = None  # a state in which the step is refused
    readers_may_post: bool = False


def u(name: str, arg: Callable[[Ctx], object] | None = None) -> Url:
    return lambda c: reverse(f"meetings:{name}", args=[arg(c)] if arg else [])


def meeting_pk(c: Ctx) -> int:
    return c.meeting.pk


def body_pk(c: Ctx) -> int:
    return c.body.pk


def decision_pk(c: Ctx) -> int:
    return c.decision.pk


def _meeting_edit_data(c: Ctx, **changes: object) -> dict:
    meeting = Meeting.objects.get(pk=c.meeting.pk)
    day = timezone.localtime(meeting.starts_at).date()
    data = {
        "day": day.isoformat(),
        "start": "11:00",
        "end": "14:30",
        "title": "",
        "location": meeting.location,
        "video_link": "",
        "chair": "",
        "minute_taker": "",
        "lunch_at": "12:00",
        "lunch_minutes": 30,
        "revision": meeting.revision,
    }
    return {**data, **changes}


def _attendance_data(c: Ctx, value: str) -> dict:
    invited = c.meeting.attendances.exclude(status=AttendanceStatus.GUEST)
    return {**{f"status_{a.pk}": value for a in invited}, "guests": "Kari Gjest, Fylkeskommunen"}


def _item_data(c: Ctx, **changes: object) -> dict:
    item = c.decision
    data = {
        "title": item.title,
        "kind": item.kind,
        "presenter": "NAV-leder",
        "planned_minutes": 20,
        "background": "Bakgrunn",
        "notes": "Notat fra møtet",
        "decision_text": "Vedtatt.",
        "review_date": "",
        "public_title": "",
        "legal_ground": "",
        "revision": item.revision,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not False}


def _day(meeting: Meeting) -> str:
    return timezone.localtime(meeting.starts_at).date().isoformat()


CHANGE_CASES = [
    Case(
        "body_create",
        u("body_create"),
        valid=lambda c: {
            "name": "Samarbeidsforum",
            "kind": BodyKind.COOPERATION_FORUM,
            "partnership": c.world.orland.pk,
            "slug": "orland-forum",
            "standard_agenda": "Status\nNye tiltak",
        },
        check=lambda c: Body.objects.get(slug="orland-forum").standard_items.count() == 2,
        invalid=lambda c: {
            "name": "Forum",
            "kind": BodyKind.COOPERATION_FORUM,
            "partnership": c.world.orland.pk,
            "slug": "ikke gyldig!",
        },
    ),
    Case(
        "body_member_add",
        u("body_member_add", body_pk),
        valid=lambda c: {"person": c.world.member.pk, "role": "member", "valid_from": "2020-01-01"},
        check=lambda c: c.body.members.filter(person=c.world.member).exists(),
        invalid=lambda c: {"role": "member", "valid_from": "2020-01-01"},
    ),
    Case(
        "meeting_schedule",
        u("meeting_schedule", body_pk),
        valid=lambda c: {
            "day": later_in_year(60).isoformat(),
            "start": "11:00",
            "end": "14:30",
            "location": "Rådhuset",
            "chair": c.world.municipal_owner.pk,
            "minute_taker": c.world.minute_taker.pk,
            "lunch_at": "12:00",
            "lunch_minutes": 30,
        },
        check=lambda c: (
            c.body.meetings.get(starts_at=at(later_in_year(60), 11)).breaks
            == [{"at": "12:00", "minutes": 30}]
        ),
        invalid=lambda c: {"day": later_in_year(60).isoformat(), "start": "14:00", "end": "11:00"},
    ),
    Case(
        "annual_plan_create",
        u("annual_plan_create", body_pk),
        valid=lambda c: {
            "year": 2031,
            "months": ["2", "5"],
            "week_of_month": 2,
            "start": "11:00",
            "end": "14:30",
            "theme_winter": "Planlegge",
            "theme_spring": "Konferanse",
            "theme_summer": "Evaluere",
            "theme_autumn": "Utvikle og drifte",
        },
        check=lambda c: (
            c.body.meetings.filter(starts_at__year=2031).count() == 2
            and AnnualPlan.objects.get(body=c.body, year=2031).themes["spring"] == "Konferanse"
        ),
        invalid=lambda c: {"year": 2031, "week_of_month": 2, "start": "11:00", "end": "14:30"},
    ),
    Case(
        "meeting_send_notice",
        u("meeting_send_notice", meeting_pk),
        valid=lambda c: {},
        check=lambda c: Meeting.objects.get(pk=c.meeting.pk).status == MeetingStatus.NOTICE_SENT,
        invalid=lambda c: {},
        invalid_setup=notice,
    ),
    Case(
        "meeting_mark_held",
        u("meeting_mark_held", meeting_pk),
        setup=lambda c: (notice(c), _decide_all(c.meeting)),
        valid=lambda c: {},
        check=lambda c: Meeting.objects.get(pk=c.meeting.pk).status == MeetingStatus.HELD,
        invalid=lambda c: {},
        invalid_setup=notice,  # decision items still undecided
    ),
    Case(
        "meeting_edit",
        u("meeting_edit", meeting_pk),
        valid=lambda c: _meeting_edit_data(c, location="Kommunestyresalen"),
        check=lambda c: Meeting.objects.get(pk=c.meeting.pk).location == "Kommunestyresalen",
        invalid=lambda c: _meeting_edit_data(c, end="10:00"),
    ),
    Case(
        "meeting_cancel",
        u("meeting_cancel", meeting_pk),
        valid=lambda c: {"reason": "Sykdom"},
        check=lambda c: Meeting.objects.get(pk=c.meeting.pk).status == MeetingStatus.CANCELLED,
        invalid=lambda c: {"reason": ""},
    ),
    Case(
        "meeting_attendance",
        u("meeting_attendance", meeting_pk),
        setup=notice,
        valid=lambda c: _attendance_data(c, AttendanceStatus.PRESENT),
        check=lambda c: (
            c.meeting.attendances.filter(status=AttendanceStatus.GUEST).count() == 1
            and not c.meeting.attendances.filter(status=AttendanceStatus.INVITED).exists()
        ),
        invalid=lambda c: _attendance_data(c, "bogus"),
    ),
    Case(
        "item_add",
        u("item_add", meeting_pk),
        valid=lambda c: {"title": "Ny sak", "kind": ItemKind.INFORMATION, "planned_minutes": 10},
        check=lambda c: c.meeting.items.filter(title="Ny sak").exists(),
        invalid=lambda c: {
            "title": "Ny sak",
            "kind": ItemKind.INFORMATION,
            "planned_minutes": 10,
            "exempt": "on",
        },  # exempt without a legal ground
    ),
    Case(
        "item_reorder",
        u("item_reorder", meeting_pk),
        methods=("post",),
        valid=lambda c: {"item": c.decision.pk, "direction": "up"},
        check=lambda c: AgendaItem.objects.get(pk=c.extra["moved"]).position == c.extra["was"] - 1,
        invalid=lambda c: {"item": c.later.items.first().pk, "direction": "up"},
    ),
    Case(
        "minutes_introduction",
        u("minutes_introduction", meeting_pk),
        valid=lambda c: {"introduction": "Møtet ble åpnet.", "revision": c.meeting.revision},
        check=lambda c: Minutes.objects.get(meeting=c.meeting).introduction == "Møtet ble åpnet.",
        invalid=lambda c: {"introduction": "x"},
    ),
    Case(
        "minutes_send_for_comments",
        u("minutes_send_for_comments", meeting_pk),
        setup=hold,
        valid=lambda c: {"deadline": (timezone.localdate() + timedelta(days=7)).isoformat()},
        check=lambda c: Minutes.objects.get(meeting=c.meeting).status == MinutesStatus.IN_COMMENT,
        invalid=lambda c: {"deadline": (timezone.localdate() - timedelta(days=1)).isoformat()},
    ),
    Case(
        "minutes_comment",
        u("minutes_comment", meeting_pk),
        setup=in_comment,
        readers_may_post=True,
        valid=lambda c: {"text": "Sak 3 mangler et punkt.", "is_objection": "on"},
        check=lambda c: MinutesComment.objects.filter(is_objection=True).count() == 1,
        invalid=lambda c: {"text": ""},
    ),
    Case(
        "minutes_approve",
        u("minutes_approve", meeting_pk),
        setup=hold,
        valid=lambda c: {},
        check=lambda c: Minutes.objects.get(meeting=c.meeting).approved_at is not None,
        invalid=lambda c: {},
        invalid_setup=lambda c: None,  # the meeting is only planned
    ),
    Case(
        "minutes_publish",
        u("minutes_publish", meeting_pk),
        setup=approve_unpublished,
        valid=lambda c: {},
        check=lambda c: Minutes.objects.get(meeting=c.meeting).status == MinutesStatus.PUBLISHED,
        invalid=lambda c: {},
        invalid_setup=hold,
    ),
    Case(
        "minutes_correct",
        u("minutes_correct", meeting_pk),
        setup=approve,
        valid=lambda c: {"reason": "Skrivefeil", "item": c.decision.pk, "decision_text": "Rettet."},
        check=lambda c: MinutesVersion.objects.filter(reason="Skrivefeil", number=2).exists(),
        invalid=lambda c: {"reason": "", "item": c.decision.pk, "decision_text": "Rettet."},
    ),
    Case(
        "item_edit",
        u("item_edit", decision_pk),
        valid=lambda c: _item_data(c),
        check=lambda c: c.decision.notes == "Notat fra møtet",
        invalid=lambda c: _item_data(c, title=""),
    ),
    Case(
        "item_move",
        u("item_move", decision_pk),
        valid=lambda c: {"target": c.later.pk},
        check=lambda c: AgendaItem.objects.get(pk=c.extra["moved"]).meeting_id == c.later.pk,
        invalid=lambda c: {"target": c.later.pk},
        invalid_setup=lambda c: _publish(c, c.later),
    ),
    Case(
        "item_forward",
        u("item_forward", decision_pk),
        valid=lambda c: {"target": c.steering_meeting.pk},
        check=lambda c: c.steering_meeting.items.filter(forwarded_from=c.extra["moved"]).exists(),
        invalid=lambda c: {"target": c.later.pk},  # not another body's meeting
    ),
    Case(
        "item_withdraw",
        u("item_withdraw", decision_pk),
        valid=lambda c: {"reason": "Utsatt til neste møte"},
        check=lambda c: AgendaItem.objects.get(pk=c.extra["moved"]).status == ItemStatus.WITHDRAWN,
        invalid=lambda c: {"reason": ""},
    ),
    Case(
        "attachment_add",
        u("attachment_add", decision_pk),
        valid=lambda c: {"file": SimpleUploadedFile("notat.docx", DOCX_BYTES), "title": "Notat"},
        check=lambda c: Attachment.objects.filter(
            title="Notat", content_type__contains="wordprocessingml"
        ).exists(),
        invalid=lambda c: {"file": SimpleUploadedFile("notat.docx", PLAIN_ZIP)},
    ),
    Case(
        "action_add",
        u("action_add", decision_pk),
        valid=lambda c: {
            "title": "Følg opp budsjett",
            "owner": c.world.minute_taker.pk,
            "due_date": later_in_year(40).isoformat(),
        },
        check=lambda c: ActionItem.objects.filter(title="Følg opp budsjett").exists(),
        invalid=lambda c: {
            "title": "Følg opp",
            "owner": c.world.minute_taker.pk,
            "due_date": (_meeting_day(c) - timedelta(days=1)).isoformat(),
        },
    ),
    Case(
        "action_update",
        lambda c: reverse("meetings:action_update", args=[c.action.pk]),
        valid=lambda c: {
            f"action-{c.action.pk}-status": ActionStatus.DONE,
            f"action-{c.action.pk}-progress": "Ferdig",
            f"action-{c.action.pk}-revision": c.action.revision,
        },
        check=lambda c: ActionItem.objects.get(pk=c.action.pk).status == ActionStatus.DONE,
        invalid=lambda c: {
            f"action-{c.action.pk}-status": "bogus",
            f"action-{c.action.pk}-revision": c.action.revision,
        },
    ),
]


def _meeting_day(c: Ctx) -> date:
    return timezone.localtime(c.meeting.starts_at).date()


def _publish(c: Ctx, meeting: Meeting) -> None:
    services.meeting_send_notice(actor=c.world.nav_leader, meeting=meeting)
    _decide_all(meeting)
    services.meeting_mark_held(actor=c.world.nav_leader, meeting=meeting)
    services.minutes_approve(actor=c.world.nav_leader, meeting=meeting)


READ_CASES = [
    Case("body_list", u("body_list"), methods=("get",), change=False),
    Case("body_detail", u("body_detail", body_pk), methods=("get",), change=False),
    Case(
        "annual_plan",
        lambda c: reverse("meetings:annual_plan", args=[c.body.pk, 2027]),
        methods=("get",),
        change=False,
    ),
    Case("meeting_detail", u("meeting_detail", meeting_pk), methods=("get",), change=False),
    Case(
        "minutes_version",
        lambda c: reverse("meetings:minutes_version", args=[c.meeting.pk, 1]),
        methods=("get",),
        change=False,
        setup=approve,
    ),
    Case("my_actions", u("my_actions"), methods=("get",), change=False),
    Case(
        "attachment_download",
        lambda c: reverse("meetings:attachment_download", args=[c.attachment.pk]),
        methods=("get",),
        change=False,
    ),
    Case("body_ics", u("body_ics", body_pk), methods=("get",), change=False),
    Case("meeting_ics", u("meeting_ics", meeting_pk), methods=("get",), change=False),
    Case("notice_pdf", u("notice_pdf", meeting_pk), methods=("get",), change=False),
    Case("notice_docx", u("notice_docx", meeting_pk), methods=("get",), change=False),
    Case("minutes_pdf", u("minutes_pdf", meeting_pk), methods=("get",), change=False, setup=hold),
    Case("minutes_docx", u("minutes_docx", meeting_pk), methods=("get",), change=False),
    Case(
        "decision_excerpt_pdf",
        u("decision_excerpt_pdf", decision_pk),
        methods=("get",),
        change=False,
        setup=hold,
    ),
]

# Lists of one's own things: every signed-in person gets them (empty for an outsider).
OWN_LISTS = {"body_list", "my_actions"}


def _ids(cases: list[Case]) -> list[str]:
    return [case.id for case in cases]


def _request(client, method: str, url: str, data: dict | None = None):
    return getattr(client, method)(url, data or {})


def _prepare(case: Case, ctx: Ctx, *, invalid: bool = False) -> str:
    setup = case.invalid_setup if invalid and case.invalid_setup else case.setup
    if setup:
        setup(ctx)
    ctx.refresh()
    ctx.extra["moved"] = ctx.decision.pk
    ctx.extra["was"] = ctx.decision.position
    return case.url(ctx)


# --- the matrix -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", CHANGE_CASES, ids=_ids(CHANGE_CASES))
def test_success(client, ctx, case: Case) -> None:
    url = _prepare(case, ctx)
    client.force_login(ctx.world.nav_leader)
    if "get" in case.methods:
        assert client.get(url).status_code == 200
    response = client.post(url, case.valid(ctx))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert case.check(ctx)


@pytest.mark.parametrize("case", CHANGE_CASES, ids=_ids(CHANGE_CASES))
def test_invalid_input_saves_nothing(client, ctx, case: Case) -> None:
    url = _prepare(case, ctx, invalid=True)
    client.force_login(ctx.world.nav_leader)
    data = case.invalid(ctx)
    before = snapshot()
    response = client.post(url, data)
    assert response.status_code == 400, response.content.decode()[:3000]
    assert snapshot() == before


@pytest.mark.parametrize("case", CHANGE_CASES + READ_CASES, ids=_ids(CHANGE_CASES + READ_CASES))
def test_wrong_method(client, ctx, case: Case) -> None:
    url = _prepare(case, ctx)
    client.force_login(ctx.world.nav_leader)
    wrong = "get" if case.methods == ("post",) else "put" if "post" in case.methods else "post"
    assert _request(client, wrong, url).status_code == 405


@pytest.mark.parametrize("case", CHANGE_CASES + READ_CASES, ids=_ids(CHANGE_CASES + READ_CASES))
def test_anonymous_goes_to_login(client, ctx, case: Case) -> None:
    url = _prepare(case, ctx)
    for method in case.methods:
        before = snapshot()
        response = _request(client, method, url, case.valid(ctx) if case.valid else None)
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
        assert snapshot() == before


@pytest.mark.parametrize("case", CHANGE_CASES + READ_CASES, ids=_ids(CHANGE_CASES + READ_CASES))
def test_outsider(client, ctx, case: Case) -> None:
    url = _prepare(case, ctx)
    for persona in (ctx.world.outsider, ctx.world.other_leader):
        client.force_login(persona)
        for method in case.methods:
            before = snapshot()
            response = _request(client, method, url, case.valid(ctx) if case.valid else None)
            if case.id in OWN_LISTS:
                assert response.status_code == 200
                assert "Lag en plan" not in response.content.decode()
                assert ctx.body.name not in response.content.decode()
            elif case.id == "body_create" and persona == ctx.world.other_leader:
                # A leader elsewhere may create bodies, but only in their own partnership.
                assert response.status_code == (200 if method == "get" else 400)
            elif case.id == "body_create":
                assert response.status_code == 403
            else:
                assert response.status_code == 404
            assert snapshot() == before


@pytest.mark.parametrize("case", CHANGE_CASES, ids=_ids(CHANGE_CASES))
def test_read_only_role_may_not_change(client, ctx, case: Case) -> None:
    url = _prepare(case, ctx)
    client.force_login(ctx.world.member)
    before = snapshot()
    response = client.post(url, case.valid(ctx))
    if case.readers_may_post:
        assert response.status_code == 302
        return
    assert response.status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize("case", READ_CASES, ids=_ids(READ_CASES))
def test_readers_see(client, ctx, case: Case) -> None:
    url = _prepare(case, ctx)
    client.force_login(ctx.world.member)
    response = client.get(url)
    assert response.status_code == 200


# --- what the pages show --------------------------------------------------------------------


def test_meeting_page_shows_agenda_times_lunch_follow_ups_and_next_steps(client, ctx) -> None:
    hold(ctx)
    services.minutes_approve(actor=ctx.world.nav_leader, meeting=ctx.meeting)
    client.force_login(ctx.world.nav_leader)
    page = client.get(reverse("meetings:meeting_detail", args=[ctx.later.pk])).content.decode()
    approval = ctx.later.items.get(kind=ItemKind.MINUTES_APPROVAL)
    assert approval.label in page and approval.title in page
    assert "Lag en plan" in page  # the open follow-up from the earlier meeting is carried here
    assert "11:00" in page
    assert reverse("meetings:meeting_send_notice", args=[ctx.later.pk]) in page


def test_meeting_page_shows_withdrawn_and_forwarded_items_with_reason(client, ctx) -> None:
    items = list(ctx.meeting.items.filter(kind=ItemKind.DISCUSSION).order_by("position")[:2])
    services.item_withdraw(actor=ctx.world.nav_leader, item=items[0], reason="Utsatt til høsten")
    forwarded = services.item_forward(
        actor=ctx.world.nav_leader, item=items[1], target=ctx.steering_meeting
    )
    client.force_login(ctx.world.member)
    page = client.get(reverse("meetings:meeting_detail", args=[ctx.meeting.pk])).content.decode()
    assert items[0].label in page and "Utsatt til høsten" in page
    assert items[1].label in page and forwarded.label in page
    assert reverse("meetings:item_edit", args=[items[0].pk]) not in page  # member: no tools


def test_body_page_shows_effective_status_of_deemed_approval(client, ctx) -> None:
    in_comment(ctx)
    Minutes.objects.filter(meeting=ctx.meeting).update(
        comment_deadline=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(ctx.world.nav_leader)
    page = client.get(reverse("meetings:body_detail", args=[ctx.body.pk])).content.decode()
    with translation.override("nb"):
        assert str(MeetingStatus.PUBLISHED.label) in page
        assert str(MeetingStatus.MINUTES_IN_COMMENT.label) not in page


def test_year_view_shows_twelve_months_and_season_themes(client, ctx) -> None:
    services.annual_plan_create(
        actor=ctx.world.nav_leader,
        body=ctx.body,
        year=2031,
        dates=services.fridays(2031, [2, 5, 9, 11]),
        start=time(11),
        end=time(14, 30),
        themes={
            "winter": "Planlegge",
            "spring": "Konferanse",
            "summer": "Evaluere",
            "autumn": "Utvikle og drifte",
        },
    )
    client.force_login(ctx.world.member)
    page = client.get(reverse("meetings:annual_plan", args=[ctx.body.pk, 2031])).content.decode()
    assert page.count('class="year-month"') == 12
    for theme in ("Planlegge", "Konferanse", "Evaluere", "Utvikle og drifte"):
        assert theme in page
    assert page.count(reverse("meetings:meeting_detail", args=[0]).replace("0/", "")) >= 4


def test_my_follow_ups_marks_overdue_and_reports_progress(client, ctx) -> None:
    ActionItem.objects.filter(pk=ctx.action.pk).update(
        due_date=timezone.localdate() - timedelta(days=3)
    )
    client.force_login(ctx.world.municipal_owner)
    page = client.get(reverse("meetings:my_actions")).content.decode()
    assert "Lag en plan" in page and "action-card--overdue" in page
    url = reverse("meetings:action_update", args=[ctx.action.pk])
    response = client.post(
        url,
        {
            f"action-{ctx.action.pk}-status": ActionStatus.IN_PROGRESS,
            f"action-{ctx.action.pk}-progress": "Utkast sendt",
            f"action-{ctx.action.pk}-revision": 1,
            "next": reverse("meetings:my_actions"),
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("meetings:my_actions")
    assert ActionItem.objects.get(pk=ctx.action.pk).progress == "Utkast sendt"


def test_documents_download_with_norwegian_file_names(client, ctx) -> None:
    hold(ctx)
    client.force_login(ctx.world.member)
    day = _day(ctx.meeting)
    for name, kind, start in [
        ("notice_pdf", "application/pdf", b"%PDF"),
        ("minutes_pdf", "application/pdf", b"%PDF"),
        ("notice_docx", "wordprocessingml", b"PK"),
        ("minutes_docx", "wordprocessingml", b"PK"),
        ("meeting_ics", "text/calendar", b"BEGIN:VCALENDAR"),
    ]:
        response = client.get(reverse(f"meetings:{name}", args=[ctx.meeting.pk]))
        assert response.status_code == 200 and kind in response["Content-Type"]
        assert response.content.startswith(start)
        assert day in response["Content-Disposition"]
    assert (
        'filename="referat-orland-partnerskapsmote-'
        in client.get(reverse("meetings:minutes_pdf", args=[ctx.meeting.pk]))["Content-Disposition"]
    )
    feed = client.get(reverse("meetings:body_ics", args=[ctx.body.pk]))
    assert feed.content.startswith(b"BEGIN:VCALENDAR")
    excerpt = client.get(reverse("meetings:decision_excerpt_pdf", args=[ctx.decision.pk]))
    assert excerpt.content.startswith(b"%PDF") and "vedtak-sak-" in excerpt["Content-Disposition"]


# --- the bad input ------------------------------------------------------------------


def test_item_moved_to_published_meeting_is_refused(client, ctx) -> None:
    _publish(ctx, ctx.later)
    client.force_login(ctx.world.nav_leader)
    item = ctx.decision
    before = snapshot()
    response = client.post(reverse("meetings:item_move", args=[item.pk]), {"target": ctx.later.pk})
    assert response.status_code == 400
    assert timezone.localtime(ctx.later.starts_at).strftime("%d.%m.%Y") in response.content.decode()
    assert snapshot() == before


def test_follow_up_due_before_the_meeting_is_refused(client, ctx) -> None:
    client.force_login(ctx.world.minute_taker)
    before = snapshot()
    response = client.post(
        reverse("meetings:action_add", args=[ctx.decision.pk]),
        {
            "title": "For tidlig",
            "owner": ctx.world.nav_leader.pk,
            "due_date": (_meeting_day(ctx) - timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert _meeting_day(ctx).strftime("%d.%m.%Y") in response.content.decode()
    assert snapshot() == before


def test_comment_deadline_in_the_past_is_refused(client, ctx) -> None:
    hold(ctx)
    client.force_login(ctx.world.minute_taker)
    before = snapshot()
    url = reverse("meetings:minutes_send_for_comments", args=[ctx.meeting.pk])
    response = client.post(
        url, {"deadline": (timezone.localdate() - timedelta(days=1)).isoformat()}
    )
    assert response.status_code == 400
    assert 'id="id_deadline"' in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("program.pdf", b"MZ\x90\x00 this is an executable"),
        ("notat.docx", PLAIN_ZIP),
        ("tekst.txt", b"just some text"),
        ("bilde.gif", b"GIF89a...."),
    ],
)
def test_attachment_of_wrong_kind_is_refused(client, ctx, name: str, data: bytes) -> None:
    client.force_login(ctx.world.nav_leader)
    before = snapshot()
    files_before = sorted(p.name for p in _media_files())
    response = client.post(
        reverse("meetings:attachment_add", args=[ctx.decision.pk]),
        {"file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 400
    assert name in response.content.decode()
    assert snapshot() == before
    assert sorted(p.name for p in _media_files()) == files_before


def test_attachment_over_the_size_limit_is_refused(client, ctx, settings) -> None:
    settings.ATTACHMENT_MAX_BYTES = 1024
    client.force_login(ctx.world.nav_leader)
    before = snapshot()
    big = SimpleUploadedFile("stor.pdf", PDF_BYTES + b"0" * 2048)
    response = client.post(
        reverse("meetings:attachment_add", args=[ctx.decision.pk]), {"file": big}
    )
    assert response.status_code == 400
    assert "stor.pdf" in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("vedtak.pdf", PDF_BYTES, "application/pdf"),
        ("notat.docx", DOCX_BYTES, "wordprocessingml"),
        ("tall.xlsx", XLSX_BYTES, "spreadsheetml"),
        ("kart.png", PNG_BYTES, "image/png"),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16, "image/jpeg"),
    ],
)
def test_attachment_is_stored_with_hash_size_and_sniffed_type(
    client, ctx, name, data, kind
) -> None:
    client.force_login(ctx.world.nav_leader)
    response = client.post(
        reverse("meetings:attachment_add", args=[ctx.decision.pk]),
        {"file": SimpleUploadedFile(name, data, content_type="text/plain")},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.latest("created_at")
    assert kind in attachment.content_type and attachment.size == len(data)
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    download = client.get(reverse("meetings:attachment_download", args=[attachment.pk]))
    assert b"".join(download.streaming_content) == data


def _media_files() -> list:
    return [p for p in Path(django_settings.MEDIA_ROOT).rglob("*") if p.is_file()]


# --- two people editing ---------------------------------------------------------------------


def test_conflicting_edit_gets_409_and_keeps_both_texts(client, ctx) -> None:
    item = ctx.decision
    url = reverse("meetings:item_edit", args=[item.pk])
    client.force_login(ctx.world.minute_taker)
    form = client.get(url)
    seen_revision = form.context["form"]["revision"].value()
    # Meanwhile the NAV leader saves the decision.
    services.item_update(
        actor=ctx.world.nav_leader,
        item=item,
        revision=item.revision,
        decision_text="Lederens vedtakstekst",
    )
    response = client.post(
        url, _item_data(ctx, decision_text="Referentens vedtakstekst", revision=seen_revision)
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Referentens vedtakstekst" in page  # the minute-taker's text is kept in the form
    assert "Lederens vedtakstekst" in page  # and the saved text is shown beside it
    assert AgendaItem.objects.get(pk=item.pk).decision_text == "Lederens vedtakstekst"


def test_minutes_introduction_conflict_gets_409(client, ctx) -> None:
    client.force_login(ctx.world.minute_taker)
    url = reverse("meetings:minutes_introduction", args=[ctx.meeting.pk])
    stale = ctx.meeting.revision
    services.minutes_update(
        actor=ctx.world.nav_leader,
        meeting=ctx.meeting,
        revision=stale,
        introduction="Lederens innledning",
    )
    response = client.post(url, {"introduction": "Min innledning", "revision": stale})
    assert response.status_code == 409 and "Min innledning" in response.content.decode()
    assert Minutes.objects.get(meeting=ctx.meeting).introduction == "Lederens innledning"


def test_approved_minutes_cannot_be_edited_on_the_page(client, ctx) -> None:
    approve(ctx)
    client.force_login(ctx.world.nav_leader)
    before = snapshot()
    response = client.post(
        reverse("meetings:item_edit", args=[ctx.decision.pk]),
        _item_data(ctx, decision_text="Endret i ettertid"),
    )
    assert response.status_code == 400
    assert snapshot() == before
    page = client.get(reverse("meetings:meeting_detail", args=[ctx.meeting.pk])).content.decode()
    assert reverse("meetings:item_edit", args=[ctx.decision.pk]) not in page
    assert reverse("meetings:minutes_correct", args=[ctx.meeting.pk]) in page


# --- public pages ---------------------------------------------------------------------------

SECRET_TITLE = "Nedbemanning ved kontoret"
SECRET_DECISION = "Leder forhandler med de tillitsvalgte"
SECRET_ATTACHMENT = "Oversikt over ansatte"
HIDDEN_ATTACHMENT = "Intern risikovurdering"
PUBLIC_ATTACHMENT = "Budsjett 2027"


@pytest.fixture
def published(ctx) -> tuple[Ctx, AgendaItem]:
    leader = ctx.world.nav_leader
    exempt = services.item_add(
        actor=leader,
        meeting=ctx.meeting,
        title=SECRET_TITLE,
        kind=ItemKind.DECISION,
        exempt=True,
        legal_ground="Offentleglova § 25",
        public_title="Personalsak",
    )
    public_item = ctx.decision
    for item, title, is_exempt in [
        (exempt, SECRET_ATTACHMENT, False),
        (public_item, HIDDEN_ATTACHMENT, True),
        (public_item, PUBLIC_ATTACHMENT, False),
    ]:
        services.attachment_add(
            actor=leader,
            item=item,
            title=title,
            file=SimpleUploadedFile("a.pdf", PDF_BYTES),
            exempt=is_exempt,
            legal_ground="Offentleglova § 13" if is_exempt else "",
        )
    notice(ctx)
    _decide_all(ctx.meeting)
    AgendaItem.objects.filter(pk=exempt.pk).update(decision_text=SECRET_DECISION)
    services.meeting_mark_held(actor=leader, meeting=ctx.meeting)
    services.minutes_approve(actor=leader, meeting=ctx.meeting)
    return ctx, exempt


def test_public_page_leaves_exempt_items_and_attachments_out(client, published) -> None:
    ctx, exempt = published
    body_page = client.get(reverse("meetings:public_body", args=[ctx.body.slug]))
    url = reverse("meetings:public_meeting", args=[ctx.body.slug, ctx.meeting.pk])
    assert body_page.status_code == 200 and url in body_page.content.decode()
    page = client.get(url).content.decode()
    for secret in (SECRET_TITLE, SECRET_DECISION, SECRET_ATTACHMENT, HIDDEN_ATTACHMENT):
        assert secret not in page
    assert exempt.label in page and "Personalsak" in page and "Offentleglova § 25" in page
    assert PUBLIC_ATTACHMENT in page
    listed = Attachment.objects.get(title=PUBLIC_ATTACHMENT)
    assert (
        client.get(
            reverse("meetings:public_attachment", args=[ctx.body.slug, ctx.meeting.pk, listed.pk])
        ).status_code
        == 200
    )
    for title in (SECRET_ATTACHMENT, HIDDEN_ATTACHMENT):
        hidden = Attachment.objects.get(title=title)
        assert (
            client.get(
                reverse(
                    "meetings:public_attachment", args=[ctx.body.slug, ctx.meeting.pk, hidden.pk]
                )
            ).status_code
            == 404
        )


def test_public_pdf_leaves_exempt_items_out(client, published, tmp_path) -> None:
    ctx, _exempt = published
    response = client.get(
        reverse("meetings:public_minutes_pdf", args=[ctx.body.slug, ctx.meeting.pk])
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    pdf = tmp_path / "referat.pdf"
    pdf.write_bytes(response.content)
    pdftotext = ["/usr/bin/pdftotext", str(pdf), "-"]
    text = subprocess.run(pdftotext, capture_output=True, check=True, text=True).stdout  # noqa: S603
    text = " ".join(text.split())
    for secret in (SECRET_TITLE, SECRET_DECISION, SECRET_ATTACHMENT, HIDDEN_ATTACHMENT):
        assert secret not in text
    assert "Personalsak" in text


def test_public_partnership_page_lists_bodies_with_published_minutes(client, published) -> None:
    ctx, _exempt = published
    page = client.get(reverse("meetings:public_partnership", args=[ctx.world.orland.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert ctx.body.name in html and ctx.steering.name not in html  # no minutes published there


def test_unpublished_minutes_are_not_public(client, ctx) -> None:
    hold(ctx)
    assert (
        client.get(
            reverse("meetings:public_meeting", args=[ctx.body.slug, ctx.meeting.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("meetings:public_minutes_pdf", args=[ctx.body.slug, ctx.meeting.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("meetings:public_meeting", args=[ctx.steering.slug, ctx.meeting.pk])
        ).status_code
        == 404
    )


def test_deemed_approval_is_public_on_read(client, ctx) -> None:
    in_comment(ctx)
    Minutes.objects.filter(meeting=ctx.meeting).update(
        comment_deadline=timezone.localdate() - timedelta(days=1)
    )
    url = reverse("meetings:public_meeting", args=[ctx.body.slug, ctx.meeting.pk])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["public_body", "public_meeting", "public_minutes_pdf"])
def test_public_pages_refuse_post(client, published, name) -> None:
    ctx, _exempt = published
    args = [ctx.body.slug] if name == "public_body" else [ctx.body.slug, ctx.meeting.pk]
    assert client.post(reverse(f"meetings:{name}", args=args)).status_code == 405


def test_large_ids_are_not_grouped_like_numbers(client, ctx) -> None:
    """Norwegian number formatting groups thousands ("5 000"); ids in the page must not be."""
    AgendaItem.objects.create(
        pk=4999,
        numbering_body=ctx.body,
        year=ctx.item.year,
        number=900,
        meeting=ctx.later,
        position=99,
        kind=ItemKind.INFORMATION,
        title="Plassholder",
    )
    item = services.item_add(
        actor=ctx.world.nav_leader,
        meeting=ctx.meeting,
        title="Sak med stor id",
        kind=ItemKind.INFORMATION,
    )
    assert item.pk >= 5000
    client.force_login(ctx.world.nav_leader)
    page = client.get(reverse("meetings:meeting_detail", args=[ctx.meeting.pk])).content.decode()
    assert f'id="item-{item.pk}"' in page and f'name="item" value="{item.pk}"' in page
    response = client.post(
        reverse("meetings:item_reorder", args=[ctx.meeting.pk]),
        {"item": item.pk, "direction": "up"},
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#item-{item.pk}")
