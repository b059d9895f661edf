"""The meeting's main job in a real browser, from planning to the public page.

The NAV leader plans a meeting from the standard agenda, finds the approval of the previous
minutes and the open follow-ups already on it, sends the notice and records attendance; the
minute-taker records the decisions and two follow-ups, marks the meeting held and sends the
minutes for comments; the deadline passes with no objection, and the minutes are approved and
published on the public page. Every page is checked with axe on the way.

Button and link names are looked up in the bokmål catalogue, so the test reads what a person in
NAV Ørland reads.
"""

from datetime import date, datetime, time, timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from partnerskap.core.models import User
from partnerskap.meetings import services
from partnerskap.meetings.models import (
    ActionItem,
    AgendaItem,
    Body,
    BodyKind,
    ItemKind,
    Meeting,
    MeetingStatus,
    MemberRole,
    Minutes,
)
from partnerskap.meetings.standard import PARTNERSHIP_MEETING_AGENDA
from partnerskap.registry.models import Partnership

from .conftest import check_a11y, follow, log_in, submit, visit

EARLIER_FOLLOW_UP = "Lag en plan for ungdomsteamet"
FIRST_FOLLOW_UP = "Sende søknad om prosjektmidler"
SECOND_FOLLOW_UP = "Invitere fylkeskommunen til neste møte"
DECISION = "Partnerskapet slutter seg til styringssignalene for neste år."


def nb(msgid: str) -> str:
    """The bokmål text for an English msgid, as the page shows it."""
    with translation.override("nb"):
        return gettext(msgid)


def orland_body() -> Body:
    """The demo data's partnership meeting in NAV Ørland; made here if the demo has none."""
    body = Body.objects.filter(
        partnership__name="NAV Ørland", kind=BodyKind.PARTNERSHIP_MEETING
    ).first()
    if body is not None:
        return body
    users = {u.username: u for u in User.objects.filter(username__contains="orland")}
    with translation.override("nb"):
        body = services.body_create(
            actor=users["leder.orland"],
            name="Partnerskapsmøte NAV Ørland",
            kind=BodyKind.PARTNERSHIP_MEETING,
            slug="nav-orland-partnerskapsmote",
            partnership=Partnership.objects.get(name="NAV Ørland"),
            standard_items=PARTNERSHIP_MEETING_AGENDA,
        )
    for username, role in [
        ("kommunedirektor.orland", MemberRole.CHAIR),
        ("leder.orland", MemberRole.MEMBER),
        ("referent.orland", MemberRole.MINUTE_TAKER),
    ]:
        services.body_member_add(
            actor=users["leder.orland"],
            body=body,
            person=users[username],
            role=role,
            valid_from=timezone.localdate() - timedelta(days=365),
        )
    return body


def hold_earlier_meeting(body: Body) -> Meeting:
    """A meeting a month ago, held and approved, that left a follow-up open."""
    leader = User.objects.get(username="leder.orland")
    day = timezone.localdate() - timedelta(days=30)
    tz = timezone.get_current_timezone()
    with transaction.atomic(), translation.override("nb"):
        meeting = services.meeting_schedule(
            actor=leader,
            body=body,
            starts_at=datetime.combine(day, time(11), tz),
            ends_at=datetime.combine(day, time(14), tz),
        )
        services.meeting_send_notice(actor=leader, meeting=meeting)
        for item in meeting.items.filter(kind=ItemKind.DECISION):
            services.item_update(actor=leader, item=item, revision=None, decision_text="Vedtatt.")
        decision = meeting.items.filter(kind=ItemKind.DECISION).first()
        services.meeting_mark_held(actor=leader, meeting=meeting)
        services.action_add(
            actor=leader,
            item=decision,
            title=EARLIER_FOLLOW_UP,
            owner=leader,
            due_date=timezone.localdate() + timedelta(days=60),
        )
        services.minutes_approve(actor=leader, meeting=meeting)
        # The notice of a meeting that is over need not go out now.
        connection = transaction.get_connection()
        connection.run_on_commit.clear()
    return meeting


def label(item: AgendaItem) -> str:
    """ "Sak 13/27": the item's number as the bokmål page shows it."""
    with translation.override("nb"):
        return item.label


def item_block(page: Page, item: AgendaItem):
    return page.locator(f"#item-{item.pk}")


def click_in(page: Page, scope, name: str) -> None:
    """Follow a link or press a button inside part of the page, then check the next page."""
    target = scope.get_by_role("link", name=name).or_(scope.get_by_role("button", name=name))
    with page.expect_navigation():
        target.first.click()
    check_a11y(page)


def status_of(page: Page):
    """The meeting's facts, where its status stands first."""
    return page.get_by_role("main").locator("dl.facts").first


def status_text(status: MeetingStatus) -> str:
    with translation.override("nb"):
        return str(status.label)


def send_notice_and_take_attendance(page: Page, meeting: Meeting) -> None:
    """Send the notice from the meeting's page, then record one member absent with notice and
    a guest."""
    submit(page, nb("Send the notice"))
    expect(status_of(page)).to_contain_text(status_text(MeetingStatus.NOTICE_SENT))
    follow(page, nb("Record attendance"))
    absent = meeting.attendances.exclude(person=None).order_by("name").first()
    page.locator(f"#id_status_{absent.pk}").select_option(label=nb("Absent with notice"))
    page.locator("#id_guests").fill("Kari Nordmann, Ørland kommune")
    submit(page, nb("Save attendance"))
    attendance = page.get_by_role("region", name=nb("Attendance"))
    expect(attendance).to_contain_text("Kari Nordmann")
    expect(attendance).to_contain_text(nb("Absent with notice"))


def record_decisions_and_follow_ups(page: Page, meeting: Meeting, due: date) -> list[AgendaItem]:
    """On the meeting's page: the decision on every decision item, and two follow-ups of the
    first, due on `due`. Returns the decision items."""
    decisions = list(meeting.items.filter(kind=ItemKind.DECISION).order_by("position"))
    assert decisions, "the standard agenda has a decision item"
    for item in decisions:
        click_in(page, item_block(page, item), f"{nb('Edit')} {label(item)}")
        page.locator("#id_notes").fill("Drøftet i møtet.")
        page.locator("#id_decision_text").fill(DECISION)
        submit(page, nb("Save"))
        expect(item_block(page, item)).to_contain_text(DECISION)
    decided = decisions[0]
    for title, owner in [(FIRST_FOLLOW_UP, "Ingrid Sæther"), (SECOND_FOLLOW_UP, "Per Aune")]:
        click_in(page, item_block(page, decided), f"{nb('Add follow-up')} {label(decided)}")
        page.locator("#id_title").fill(title)
        page.locator("#id_owner").select_option(label=owner)
        page.locator("#id_due_date").fill(due.isoformat())
        submit(page, nb("Add the follow-up"))
        expect(item_block(page, decided)).to_contain_text(title)
    assert ActionItem.objects.filter(item=decided).count() == 2
    return decisions


@pytest.mark.django_db(transaction=True)
def test_plan_hold_and_publish_a_partnership_meeting(page: Page, demo_data: None) -> None:
    body = orland_body()
    earlier = hold_earlier_meeting(body)
    day = timezone.localdate() + timedelta(days=14)

    # --- the NAV leader plans the meeting from the body's page ---------------------------
    log_in(page, "leder.orland")
    with page.expect_navigation():
        page.get_by_role("navigation", name=nb("Main menu")).get_by_role(
            "link", name=nb("Bodies"), exact=True
        ).click()
    check_a11y(page)
    follow(page, body.name)
    expect(page.get_by_role("heading", level=1)).to_have_text(body.name)
    follow(page, nb("Plan a meeting"))
    page.locator("#id_day").fill(day.isoformat())
    expect(page.locator("#id_start")).to_have_value("11:00")
    expect(page.locator("#id_end")).to_have_value("14:30")
    expect(page.locator("#id_lunch_at")).to_have_value("12:00")
    page.locator("#id_chair").select_option(label="Per Aune")
    page.locator("#id_minute_taker").select_option(label="Jonas Berg")
    submit(page, nb("Plan the meeting"))

    meeting = Meeting.objects.filter(body=body).order_by("-created_at").first()
    assert meeting is not None
    assert timezone.localtime(meeting.starts_at).date() == day
    assert reverse("meetings:meeting_detail", args=[meeting.pk]) in page.url
    items = list(meeting.items.order_by("position"))
    approval, follow_ups, first_standard = items[0], items[1], items[2]
    assert approval.kind == ItemKind.MINUTES_APPROVAL and follow_ups.kind == ItemKind.FOLLOW_UPS
    earlier_day = timezone.localtime(earlier.starts_at).strftime("%d.%m.%Y")
    expect(item_block(page, approval)).to_contain_text(label(approval))
    expect(item_block(page, approval)).to_contain_text(earlier_day)
    expect(item_block(page, follow_ups)).to_contain_text(EARLIER_FOLLOW_UP)
    expect(item_block(page, first_standard)).to_contain_text(first_standard.title)
    expect(item_block(page, first_standard)).to_contain_text("11:15")  # after 5 + 10 minutes

    # --- notice and attendance ------------------------------------------------------------
    send_notice_and_take_attendance(page, meeting)

    # --- the minute-taker records decisions and two follow-ups ----------------------------
    page.context.clear_cookies()
    log_in(page, "referent.orland")
    visit(page, reverse("meetings:meeting_detail", args=[meeting.pk]))
    decisions = record_decisions_and_follow_ups(page, meeting, due=day + timedelta(days=30))

    submit(page, nb("Mark as held"))
    expect(status_of(page)).to_contain_text(status_text(MeetingStatus.HELD))
    page.locator("#id_deadline").fill(timezone.localdate().isoformat())
    submit(page, nb("Send for comments"))
    expect(status_of(page)).to_contain_text(status_text(MeetingStatus.MINUTES_IN_COMMENT))

    # --- the deadline passes with no objection: approved and published on read ------------
    Minutes.objects.filter(meeting=meeting).update(
        comment_deadline=timezone.localdate() - timedelta(days=1)
    )
    visit(page, reverse("meetings:meeting_detail", args=[meeting.pk]))
    expect(status_of(page)).to_contain_text(status_text(MeetingStatus.PUBLISHED))
    expect(status_of(page)).to_contain_text(nb("Deemed approved: no objection by the deadline"))

    # --- and anyone can read them on the public page ----------------------------------------
    page.context.clear_cookies()
    visit(page, reverse("meetings:public_body", args=[body.slug]))
    follow(page, public_link_name(day))
    public = page.get_by_role("main")
    for item in decisions:
        expect(item_block(page, item)).to_contain_text(DECISION)
    expect(public).to_contain_text(FIRST_FOLLOW_UP)
    expect(public).to_contain_text(SECOND_FOLLOW_UP)
    expect(public).to_contain_text("Kari Nordmann")


def public_link_name(day: date) -> str:
    with translation.override("nb"):
        return gettext("Minutes of the meeting on %(date)s") % {"date": day.strftime("%d.%m.%Y")}


@pytest.mark.django_db(transaction=True)
def test_the_other_meeting_pages_pass_axe(page: Page, demo_data: None, tmp_path, settings) -> None:
    """The forms and pages the main job does not pass through, with and without errors."""
    settings.MEDIA_ROOT = tmp_path
    body = orland_body()
    earlier = hold_earlier_meeting(body)
    ActionItem.objects.filter(item__meeting=earlier).update(
        due_date=timezone.localdate() - timedelta(days=1)
    )
    log_in(page, "leder.orland")

    visit(page, reverse("meetings:body_create"))
    page.locator("#id_name").fill("Samarbeidsforum")
    page.locator("#id_slug").fill("ikke gyldig!")
    submit(page, nb("Create the body"))
    expect(page.locator("#id_slug")).to_have_attribute("aria-invalid", "true")

    visit(page, reverse("meetings:annual_plan_create", args=[body.pk]))
    next_year = timezone.localdate().year + 1
    page.locator("#id_year").fill(str(next_year))
    submit(page, nb("Plan the meetings"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(str(next_year))
    expect(page.locator(".year-month")).to_have_count(12)

    visit(page, reverse("meetings:my_actions"))
    expect(page.get_by_role("main")).to_contain_text(EARLIER_FOLLOW_UP)
    expect(page.get_by_role("main")).to_contain_text(nb("Overdue"))
    card = page.locator(".action-card").filter(has_text=EARLIER_FOLLOW_UP)
    card.locator("textarea").fill("Utkast sendt til eierne")
    click_in(page, card, f"{nb('Save')} {EARLIER_FOLLOW_UP}")
    expect(page.get_by_role("main")).to_contain_text("Utkast sendt til eierne")

    visit(page, reverse("meetings:minutes_version", args=[earlier.pk, 1]))
    visit(page, reverse("meetings:body_detail", args=[body.pk]))
    planned = Meeting.objects.filter(body=body, status=MeetingStatus.PLANNED).order_by("starts_at")
    meeting = planned.first()
    item = meeting.items.filter(kind=ItemKind.DECISION).first()
    visit(page, reverse("meetings:meeting_detail", args=[meeting.pk]))
    for name in ("item_move", "item_forward", "item_withdraw", "action_add", "item_edit"):
        visit(page, reverse(f"meetings:{name}", args=[item.pk]))
    visit(page, reverse("meetings:attachment_add", args=[item.pk]))
    bad = tmp_path / "program.pdf"
    bad.write_bytes(b"MZ not a pdf")
    page.locator("#id_file").set_input_files(str(bad))
    submit(page, nb("Upload"))
    expect(page.get_by_role("main")).to_contain_text("program.pdf")
    visit(page, reverse("meetings:item_add", args=[meeting.pk]))
    visit(page, reverse("meetings:meeting_cancel", args=[meeting.pk]))
    submit(page, nb("Cancel the meeting"))  # no reason given: the form says so
    expect(page.locator("#id_reason")).to_have_attribute("aria-invalid", "true")

    page.context.clear_cookies()
    visit(page, reverse("meetings:public_partnership", args=[body.partnership_id]))
    follow(page, body.name)
    follow(page, public_link_name(timezone.localtime(earlier.starts_at).date()))
