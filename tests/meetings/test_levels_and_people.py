"""Bodies at every level, people without a login, invitations that follow the body, meetings
recorded afterwards, and automatic items only with content (issue 15)."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerskap.core.models import RoleKind, User
from partnerskap.meetings import documents, selectors, services
from partnerskap.meetings.access import body_scope
from partnerskap.meetings.models import (
    ActionItem,
    AttendanceStatus,
    Body,
    BodyKind,
    ItemKind,
    MeetingStatus,
    MemberRole,
)
from partnerskap.registry.models import County

from ..factories import CountyFactory, UserFactory, give_role
from .conftest import at


def _fresh_scope(user: User):
    for cache in ("_partnerskap_bodies", "_partnerskap_access"):
        if hasattr(user, cache):
            delattr(user, cache)
    return body_scope(user)


@pytest.fixture
def nordland(world) -> County:
    return CountyFactory(number="18", name="NAV Nordland")


@pytest.fixture
def networks(world, nordland):
    """Two networks: one of Trøndelag spanning Nordland, one of Nordland alone; and a national
    forum. Each has one member of its own."""
    two_county = services.body_create(
        actor=world.admin,
        name="Nettverk Trøndelag og Nordland",
        kind=BodyKind.NETWORK,
        slug="nettverk-to-fylker",
        county=world.county,
        other_counties=[nordland],
    )
    alone = services.body_create(
        actor=world.admin,
        name="Nettverk Nordland",
        kind=BodyKind.NETWORK,
        slug="nettverk-nordland",
        county=nordland,
    )
    national = services.body_create(
        actor=world.admin,
        name="Nasjonalt forum NAV og KS",
        kind=BodyKind.FORUM,
        slug="nasjonalt-forum",
        national=True,
    )
    members = {}
    for body in (two_county, alone, national):
        members[body.slug] = UserFactory()
        services.body_member_add(
            actor=world.admin,
            body=body,
            person=members[body.slug],
            role=MemberRole.MEMBER,
            valid_from=date(2020, 1, 1),
        )
    return two_county, alone, national, members


def test_a_body_belongs_to_exactly_one_partnership_county_or_the_country(world, nordland):
    with pytest.raises(ValidationError):
        services.body_create(
            actor=world.admin,
            name="X",
            kind=BodyKind.FORUM,
            slug="x",
            county=nordland,
            national=True,
        )
    with pytest.raises(ValidationError, match="fylke"):
        services.body_create(
            actor=world.admin,
            name="Y",
            kind=BodyKind.FORUM,
            slug="y",
            national=True,
            other_counties=[nordland],
        )
    assert not Body.objects.filter(slug__in=["x", "y"]).exists()


def test_access_follows_counties_and_membership(world, networks, nordland):
    two_county, alone, national, members = networks
    nordland_director = UserFactory()
    give_role(nordland_director, RoleKind.STATE_OWNER, county=nordland)
    # The county director of Trøndelag reads and runs the network it owns; not Nordland's own.
    trondelag = _fresh_scope(world.county_director)
    assert trondelag.can_edit(two_county.pk)
    assert not trondelag.can_read(alone.pk)
    # Nordland's director sees both bodies that span Nordland.
    north = _fresh_scope(nordland_director)
    assert north.can_edit(two_county.pk) and north.can_edit(alone.pk)
    assert not north.can_read(national.pk)
    # A member of one network sees nothing of another; a national body only its members.
    for slug, member in members.items():
        scope = _fresh_scope(member)
        assert {b.slug for b in Body.objects.all() if scope.can_read(b.pk)} == {slug}
        assert not any(scope.can_edit(b.pk) for b in Body.objects.all())
    assert not _fresh_scope(world.outsider).can_read(two_county.pk)


def test_a_member_of_one_network_gets_404_on_another_networks_pages(world, networks):
    two_county, alone, _national, members = networks
    meeting = services.meeting_schedule(
        actor=world.admin,
        body=alone,
        starts_at=at(date(2031, 3, 5), 10),
        ends_at=at(date(2031, 3, 5), 12),
    )
    client = Client()
    client.force_login(members[two_county.slug])
    assert client.get(reverse("meetings:body_detail", args=[two_county.pk])).status_code == 200
    for name, pk in [("meetings:body_detail", alone.pk), ("meetings:meeting_detail", meeting.pk)]:
        assert client.get(reverse(name, args=[pk])).status_code == 404
    assert client.get(f"/api/v1/bodies/{alone.pk}").status_code == 404


def test_api_creates_a_two_county_network_and_shows_its_counties(world, nordland):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.county_director)
    client.get(reverse("meetings:body_list"))  # the page sets the CSRF cookie
    csrf = {"HTTP_X_CSRFTOKEN": client.cookies["csrftoken"].value}
    payload = {
        "name": "Nettverk",
        "kind": "network",
        "slug": "nettverk-api",
        "county_id": world.county.pk,
        "other_county_ids": [nordland.pk],
    }
    response = client.post("/api/v1/bodies", payload, content_type="application/json", **csrf)
    assert response.status_code == 201, response.content
    assert response.json()["other_county_ids"] == [nordland.pk]
    assert response.json()["kind"] == "network"
    national = {**payload, "slug": "nasjonalt", "county_id": None, "national": True}
    refused = client.post("/api/v1/bodies", national, content_type="application/json", **csrf)
    assert refused.status_code == 403


# --- invitations follow the body --------------------------------------------------------------


def test_a_member_added_after_planning_is_invited(world, body, meeting):
    newcomer = UserFactory(organisation="Ørland kommune")
    services.body_member_add(
        actor=world.admin,
        body=body,
        person=newcomer,
        role=MemberRole.MEMBER,
        valid_from=date(2020, 1, 1),
    )
    attendance = meeting.attendances.get(person=newcomer)
    assert (attendance.status, attendance.represents) == (
        AttendanceStatus.INVITED,
        "Ørland kommune",
    )


def test_a_member_added_after_the_notice_is_offered_it(
    world, body, meeting, django_capture_on_commit_callbacks
):
    services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    client = Client()
    client.force_login(world.nav_leader)
    newcomer = UserFactory(email="ny@example.no")
    response = client.post(
        reverse("meetings:body_member_add", args=[body.pk]),
        {"person": newcomer.pk, "role": "member", "valid_from": "01.01.2020"},
    )
    member = body.members.get(person=newcomer)
    offer = reverse("meetings:member_send_notice", args=[member.pk])
    assert response.status_code == 302 and response["Location"] == offer
    assert not meeting.attendances.filter(person=newcomer).exists()
    page = client.get(offer)
    assert page.status_code == 200 and "Send innkallingen" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(offer, {"meetings": [meeting.pk]})
    assert sent.status_code == 302
    assert meeting.attendances.filter(person=newcomer).exists()
    assert [m.to for m in mail.outbox][-1] == ["ny@example.no"]


# --- people without a login -------------------------------------------------------------------


def test_a_new_person_is_recorded_inline_as_a_member_and_shown_with_organisation(world, body):
    client = Client()
    client.force_login(world.nav_leader)
    response = client.post(
        reverse("meetings:body_member_add", args=[body.pk]),
        {
            "person_new_name": "Randi Kvalvik",
            "person_new_organisation": "Bodø kommune",
            "role": "member",
            "valid_from": "01.01.2020",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(last_name="Kvalvik")
    assert (person.first_name, person.organisation) == ("Randi", "Bodø kommune")
    assert not person.has_usable_password()
    both = client.post(
        reverse("meetings:body_member_add", args=[body.pk]),
        {
            "person": world.member.pk,
            "person_new_name": "Ola",
            "role": "member",
            "valid_from": "01.01.2020",
        },
    )
    assert both.status_code == 400
    assert "ikke begge" in both.content.decode()


def test_guests_and_a_follow_up_owned_by_a_group_without_login(world, body):
    day = timezone.localdate() - timedelta(days=400)
    past = services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 10), ends_at=at(day, 12)
    )
    services.meeting_record_afterwards(actor=world.nav_leader, meeting=past)
    services.attendance_record(
        actor=world.nav_leader, meeting=past, statuses={}, guests=["Kari Nordmann, KS"]
    )
    item = services.item_add(
        actor=world.nav_leader, meeting=past, title="Samarbeid", kind=ItemKind.DISCUSSION
    )
    action = services.action_add(
        actor=world.nav_leader,
        item=item,
        title="Kalle inn",
        due_date=day + timedelta(days=30),
        new_owner={"name": "Nettverkets styre", "organisation": "Nettverket"},
    )
    assert action.owner.organisation == "Nettverket" and not action.remind
    # Not reminded: its due date had passed when it was recorded.
    assert action not in selectors.overdue_actions(timezone.localdate())
    content = selectors.minutes_content(past)
    guest = next(a for a in content["attendance"] if a["status"] == AttendanceStatus.GUEST)
    assert (guest["name"], guest["represents"]) == ("Kari Nordmann", "KS")
    assert content["items"][-1]["actions"][0]["owner"] == "Nettverkets styre (Nettverket)"


def test_people_page_records_and_gives_a_login_for_admins_only(world):
    client = Client()
    client.force_login(world.nav_leader)
    assert client.get(reverse("meetings:people")).status_code == 403
    client.force_login(world.admin)
    created = client.post(
        reverse("meetings:person_create"), {"name": "Per Solhaug", "organisation": "Steinkjer"}
    )
    assert created.status_code == 302
    person = User.objects.get(last_name="Solhaug")
    listing = client.get(reverse("meetings:people"), {"uten_innlogging": "1"})
    assert "Per Solhaug" in listing.content.decode()
    assert "nav_leader" not in listing.content.decode()
    login = client.post(
        reverse("meetings:person_login", args=[person.pk]),
        {"username": "per.solhaug", "password": "et-langt-passord-2027"},
    )
    assert login.status_code == 302
    person.refresh_from_db()
    assert person.username == "per.solhaug" and person.check_password("et-langt-passord-2027")


@pytest.mark.parametrize("rows", [3, 30])
def test_people_page_costs_constant_queries(world, rows, django_assert_max_num_queries):
    for n in range(rows):
        UserFactory(organisation=f"Kommune {n}")
    client = Client()
    client.force_login(world.admin)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("meetings:people")).status_code == 200


# --- recording afterwards, automatic items, Eventuelt, sub-questions ---------------------------


def test_a_meeting_is_recorded_afterwards_without_notice_and_approved_at_once(world, body):
    day = timezone.localdate() - timedelta(days=30)
    past = services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(day, 10), ends_at=at(day, 12)
    )
    future = services.meeting_schedule(
        actor=world.nav_leader,
        body=body,
        starts_at=at(day + timedelta(days=400), 10),
        ends_at=at(day + timedelta(days=400), 12),
    )
    with pytest.raises(ValidationError):
        services.meeting_record_afterwards(actor=world.nav_leader, meeting=future)
    services.meeting_record_afterwards(actor=world.nav_leader, meeting=past)
    past.refresh_from_db()
    assert past.status == MeetingStatus.HELD and past.notice_sent_at is None
    statuses = {a.pk: AttendanceStatus.PRESENT for a in past.attendances.all()}
    services.attendance_record(actor=world.nav_leader, meeting=past, statuses=statuses)
    for item in past.items.filter(kind=ItemKind.DECISION):
        services.item_update(actor=world.nav_leader, item=item, revision=None, decision_text="Ja")
    services.minutes_approve(actor=world.nav_leader, meeting=past)
    content = selectors.approved_content(past)
    assert "Registrert etter møtet" in documents.approval_line(content)


def test_record_afterwards_is_offered_only_once_the_meeting_has_begun(world, body, meeting):
    client = Client()
    client.force_login(world.nav_leader)
    url = reverse("meetings:meeting_record_afterwards", args=[meeting.pk])
    assert (
        url
        not in client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    )
    assert client.post(url, {}).status_code == 400  # the meeting is next year


def test_automatic_items_only_with_content_and_eventuelt_takes_the_next_number(
    world, body, meeting
):
    assert not meeting.items.filter(kind=ItemKind.FOLLOW_UPS).exists()  # nothing to follow up
    item = meeting.items.filter(kind=ItemKind.DECISION).first()
    services.action_add(
        actor=world.nav_leader,
        item=item,
        title="Gjør noe",
        owner=world.nav_leader,
        due_date=timezone.localdate() + timedelta(days=800),
    )
    later = date(meeting.starts_at.year, 9, 5)
    second = services.meeting_schedule(
        actor=world.nav_leader, body=body, starts_at=at(later, 10), ends_at=at(later, 12)
    )
    kinds = list(second.items.order_by("position").values_list("kind", flat=True))
    assert kinds[:2] == [ItemKind.MINUTES_APPROVAL, ItemKind.FOLLOW_UPS]
    last = max(second.items.values_list("number", flat=True))
    extra = services.item_add(
        actor=world.nav_leader,
        meeting=second,
        title="Eventuelt: lokaler",
        kind=ItemKind.ANY_OTHER_BUSINESS,
    )
    assert extra.number == last + 1
    assert extra.position == second.items.count()


def test_sub_questions_appear_in_the_minutes_when_chosen(world, meeting):
    item = meeting.items.filter(kind=ItemKind.DISCUSSION).first()
    services.item_update(
        actor=world.nav_leader,
        item=item,
        revision=None,
        background="Hvem har ansvaret?\nHva koster det?",
    )
    assert "Hva koster det?" not in _minutes_text(meeting)
    services.item_update(
        actor=world.nav_leader, item=item, revision=None, background_in_minutes=True
    )
    assert "Hva koster det?" in _minutes_text(meeting)


def _minutes_text(meeting) -> str:
    from django.template.loader import render_to_string

    content = selectors.minutes_content(meeting)
    context = {"c": content, "items": documents.print_items(content), "attendance": []}
    return render_to_string("meetings/print/minutes.html", context)


# --- the public API -----------------------------------------------------------------------------


def test_public_api_carries_body_kinds_and_external_people_with_affiliation(world, nordland):
    network = services.body_create(
        actor=world.admin,
        name="Nettverk Nordland",
        kind=BodyKind.NETWORK,
        slug="nn",
        county=nordland,
    )
    services.body_member_add(
        actor=world.admin,
        body=network,
        role=MemberRole.MEMBER,
        valid_from=date(2020, 1, 1),
        new_person={"name": "Sigrid Hals", "organisation": "Vefsn kommune"},
    )
    day = timezone.localdate() - timedelta(days=60)
    tz = timezone.get_current_timezone()
    meeting = services.meeting_schedule(
        actor=world.admin,
        body=network,
        starts_at=datetime.combine(day, time(10), tzinfo=tz),
        ends_at=datetime.combine(day, time(12), tzinfo=tz),
    )
    services.meeting_record_afterwards(actor=world.admin, meeting=meeting)
    statuses = {a.pk: AttendanceStatus.PRESENT for a in meeting.attendances.all()}
    services.attendance_record(actor=world.admin, meeting=meeting, statuses=statuses)
    services.minutes_approve(actor=world.admin, meeting=meeting)  # and published
    client = Client()
    body = client.get("/api/v1/public/bodies/nn").json()
    assert body["classification"] == "Nettverk"
    detail = client.get(f"/api/v1/public/meetings/{meeting.uuid}").json()
    assert {
        "type": "https://schema.oparl.org/1.1/Person",
        "name": "Sigrid Hals",
        "affiliation": "Vefsn kommune",
    } in detail["participant"]


def test_remind_skips_follow_ups_not_to_be_reminded(world, meeting):
    item = meeting.items.filter(kind=ItemKind.DECISION).first()
    action = services.action_add(
        actor=world.nav_leader,
        item=item,
        title="A",
        owner=world.nav_leader,
        due_date=timezone.localdate() + timedelta(days=800),
    )
    later = timezone.localdate() + timedelta(days=900)
    assert action in selectors.overdue_actions(later)
    ActionItem.objects.filter(pk=action.pk).update(remind=False)
    assert action not in selectors.overdue_actions(later)
