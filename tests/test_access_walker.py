"""Every URL pattern and every API route, requested as every persona (docs/decisions/0003).

The tables below classify each route. A route that is not in them fails the test, so a new page
or API operation cannot go live without someone deciding who may see it.
"""

import functools
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import timezone

from partnerskap.api import api
from partnerskap.core.models import ApiToken, User
from partnerskap.meetings import services as meeting_services
from partnerskap.meetings.models import (
    AgendaItem,
    Attachment,
    Body,
    BodyKind,
    ItemKind,
    Meeting,
    MemberRole,
)
from partnerskap.meetings.standard import PARTNERSHIP_MEETING_AGENDA
from partnerskap.registry.models import (
    County,
    Municipality,
    Office,
    OpeningHours,
    Partnership,
    Role,
    ServiceArea,
)

from .access_rules import (
    ADMIN,
    ADMINS,
    DJANGO_ADMIN,
    EDIT,
    EVERY_SIGNED_IN,
    INTERNAL,
    OUTSIDERS,
    PARTNERSHIP_CREATORS,
    PERSONAS,
    PUBLIC,
    READ,
    RUN,
    SIGNED_IN,
    Rule,
)
from .agreements import walk as agreements_walk
from .annual import walk as annual_walk
from .archive import walk as archive_walk
from .clients import BrowserClient
from .conferences import walk as conferences_walk
from .conftest import ORLAND_EDITORS, ORLAND_READERS
from .factories import MunicipalityFactory, OfficeFactory, UserFactory
from .figures import walk as figures_walk
from .finance import walk as finance_walk
from .goals import walk as goals_walk
from .identity import walk as identity_walk
from .meetings.conftest import at
from .overview import walk as overview_walk
from .plans import walk as plans_walk
from .projects import walk as projects_walk
from .reception import walk as reception_walk
from .search import walk as search_walk

# The apps that classify their routes in tests/<app>/walk.py.
APP_WALKS = (
    agreements_walk,
    finance_walk,
    figures_walk,
    reception_walk,
    search_walk,
    archive_walk,
    conferences_walk,
    overview_walk,
    projects_walk,
    plans_walk,
    identity_walk,
    goals_walk,
    annual_walk,
)

LOGIN_URL = "/logg-inn/"

# Every URL name of the project, by namespace. The Django admin is classified as a whole: every
# view in it is behind the admin site's own staff check, and none of the personas is staff.
PAGES: dict[str, Rule] = {
    "login": Rule(PUBLIC, ok=302, anonymous=200),  # signed-in people go on to the home page
    "set_language": Rule(PUBLIC, method="POST", ok=302, anonymous=302),
    "logout": Rule(SIGNED_IN, method="POST", ok=302),
    "password_change": EVERY_SIGNED_IN,
    # Forgotten passwords: no login needed; a made-up link shows "not valid any more".
    "password_reset": Rule(PUBLIC, anonymous=200),
    "password_reset_done": Rule(PUBLIC, anonymous=200),
    "password_reset_confirm": Rule(PUBLIC, anonymous=200),
    "password_reset_complete": Rule(PUBLIC, anonymous=200),
    "api:openapi-json": Rule(PUBLIC, anonymous=200),
    "api:openapi-view": Rule(PUBLIC, anonymous=200),
    # django-ninja's root only tells Django where the API lives; it answers 404 to everyone.
    "api:api-root": Rule(PUBLIC, ok=404, anonymous=404),
    "home": EVERY_SIGNED_IN,
    "preferences": EVERY_SIGNED_IN,  # your own settings only
    # The platform's probes and the metrics scrape (docs/deploy.md: not routed from outside).
    "isalive": Rule(PUBLIC, anonymous=200),
    "isready": Rule(PUBLIC, anonymous=200),
    "metrics": Rule(PUBLIC, anonymous=200),
    "registry:partnership_list": EVERY_SIGNED_IN,  # lists only your own partnerships
    "registry:partnership_create": PARTNERSHIP_CREATORS,
    "registry:partnership_detail": READ,
    "registry:partnership_history": READ,
    "registry:partnership_edit": EDIT,
    "registry:partnership_role_add": EDIT,
    "registry:office_list": EVERY_SIGNED_IN,  # lists only your own offices
    "registry:office_create": ADMINS,
    "registry:office_detail": READ,
    "registry:office_edit": EDIT,
    "registry:office_opening_hours": EDIT,
    "registry:county_list": EVERY_SIGNED_IN,
    "registry:county_create": ADMINS,
    "registry:county_detail": EVERY_SIGNED_IN,
    "registry:county_edit": ADMINS,
    "registry:service_area_list": EVERY_SIGNED_IN,
    "registry:service_area_create": ADMINS,
    "registry:service_area_detail": EVERY_SIGNED_IN,
    "registry:service_area_edit": ADMINS,
    "registry:municipality_list": EVERY_SIGNED_IN,
    "registry:municipality_create": ADMINS,
    "registry:classification_import": ADMINS,
    "registry:municipality_detail": EVERY_SIGNED_IN,
    "registry:municipality_edit": ADMINS,
    # meetings: Ørland's partnership meeting, its meeting planned for next year (M) and an item
    # of it (I); see `_meetings_world` for which object each page is walked with.
    "meetings:body_list": EVERY_SIGNED_IN,  # lists only bodies you may read
    # Anyone who may change some partnership; the form offers only their own.
    "meetings:body_create": Rule(SIGNED_IN, frozenset(ORLAND_EDITORS | {"other_leader"})),
    "meetings:body_detail": READ,
    "meetings:body_member_add": RUN,
    "meetings:member_send_notice": RUN,  # a member added after the notice is offered it
    "meetings:people": ADMINS,
    "meetings:person_create": ADMINS,
    "meetings:person_login": ADMINS,
    "meetings:meeting_schedule": RUN,
    "meetings:annual_plan_create": RUN,
    "meetings:annual_plan": READ,
    "meetings:body_ics": READ,
    "meetings:meeting_detail": READ,
    "meetings:meeting_send_notice": RUN,
    "meetings:meeting_attendance": RUN,
    "meetings:meeting_mark_held": RUN,
    "meetings:meeting_record_afterwards": RUN,
    "meetings:meeting_cancel": RUN,
    "meetings:meeting_edit": RUN,
    "meetings:item_add": RUN,
    "meetings:item_reorder": Rule(INTERNAL, RUN.allowed, method="POST", ok=302),
    "meetings:minutes_introduction": RUN,
    "meetings:minutes_send_for_comments": RUN,
    "meetings:minutes_comment": READ,  # everyone who reads the body may comment
    "meetings:minutes_approve": RUN,
    "meetings:minutes_publish": RUN,
    "meetings:minutes_correct": RUN,
    "meetings:minutes_version": READ,
    "meetings:notice_pdf": READ,
    "meetings:notice_docx": READ,
    "meetings:minutes_pdf": READ,
    "meetings:minutes_docx": READ,
    "meetings:meeting_ics": READ,
    "meetings:item_edit": RUN,
    "meetings:item_move": RUN,
    "meetings:item_forward": RUN,
    "meetings:item_withdraw": RUN,
    "meetings:attachment_add": RUN,
    "meetings:action_add": RUN,
    "meetings:decision_excerpt_pdf": READ,
    "meetings:attachment_download": READ,
    "meetings:action_update": RUN,  # and the person responsible (here a runner too)
    "meetings:my_actions": EVERY_SIGNED_IN,  # only your own follow-ups
    # Your own calendar addresses; a body you may not read is a 404 (tests/meetings).
    "meetings:calendar_feeds": EVERY_SIGNED_IN,
    "meetings:calendar_feed_create": Rule(SIGNED_IN, method="POST", ok=302),
    "meetings:calendar_feed_revoke": Rule(SIGNED_IN, method="POST", ok=302),
    # The address a calendar app fetches: without the right secret, nothing for anyone.
    "meetings:calendar_feed": Rule(PUBLIC, ok=404, anonymous=404),
    # The invitee's answer to the notice: without a validly signed link, nothing for anyone.
    "meetings:notice_answer": Rule(PUBLIC, ok=404, anonymous=404),
    # The public pages are walked with a county forum's published minutes: the partnership's
    # own public page names "NAV Ørland", which the walk treats as a secret.
    "meetings:public_partnership": Rule(PUBLIC, anonymous=200),
    "meetings:public_body": Rule(PUBLIC, anonymous=200),
    "meetings:public_meeting": Rule(PUBLIC, anonymous=200),
    "meetings:public_minutes_pdf": Rule(PUBLIC, anonymous=200),
    "meetings:public_attachment": Rule(PUBLIC, anonymous=200),
}
for _app in APP_WALKS:
    PAGES |= _app.PAGES
NAMESPACES: dict[str, Rule] = {"admin": Rule(DJANGO_ADMIN, frozenset())}

# Every API operation in the OpenAPI schema. The `api:` URL names other than those in PAGES are
# covered here, through their path.
API: dict[str, Rule] = {
    "GET /api/v1/me": EVERY_SIGNED_IN,
    "GET /api/v1/me/settings": EVERY_SIGNED_IN,  # your own settings only
    "PUT /api/v1/me/settings": EVERY_SIGNED_IN,
    "GET /api/v1/counties": EVERY_SIGNED_IN,
    "GET /api/v1/counties/{county_id}": EVERY_SIGNED_IN,
    "GET /api/v1/service-areas": EVERY_SIGNED_IN,
    "GET /api/v1/service-areas/{area_id}": EVERY_SIGNED_IN,
    "GET /api/v1/municipalities": EVERY_SIGNED_IN,
    "POST /api/v1/municipalities": Rule(ADMIN, frozenset({"admin"}), ok=201),
    "GET /api/v1/municipalities/{municipality_id}": EVERY_SIGNED_IN,
    "PUT /api/v1/municipalities/{municipality_id}": ADMINS,
    "GET /api/v1/offices": EVERY_SIGNED_IN,  # lists only your own offices
    "GET /api/v1/offices/{office_id}": READ,
    "PUT /api/v1/offices/{office_id}/opening-hours": EDIT,
    "GET /api/v1/partnerships": EVERY_SIGNED_IN,  # lists only your own partnerships
    "POST /api/v1/partnerships": Rule(ADMIN, PARTNERSHIP_CREATORS.allowed, ok=201),
    "GET /api/v1/partnerships/{partnership_id}": READ,
    "PUT /api/v1/partnerships/{partnership_id}": EDIT,
    # meetings. The walk requests these in this order (the OpenAPI order), so that one meeting
    # goes from planned to published minutes: see `_meetings_world`.
    "GET /api/v1/bodies": EVERY_SIGNED_IN,  # lists only bodies you may read
    "POST /api/v1/bodies": Rule(INTERNAL, frozenset(ORLAND_EDITORS), ok=201),
    "GET /api/v1/bodies/{body_id}": READ,
    "POST /api/v1/bodies/{body_id}/members": Rule(INTERNAL, RUN.allowed, ok=201),
    "GET /api/v1/bodies/{body_id}/meetings": READ,
    "POST /api/v1/bodies/{body_id}/meetings": Rule(INTERNAL, RUN.allowed, ok=201),
    "GET /api/v1/bodies/{body_id}/follow-ups": READ,
    "GET /api/v1/meetings/{meeting_id}": READ,
    "PATCH /api/v1/meetings/{meeting_id}": RUN,
    "POST /api/v1/meetings/{meeting_id}/notice": RUN,
    "POST /api/v1/meetings/{meeting_id}/held": RUN,
    # Walked without a reason, so the service refuses it after the access check (422) and the
    # meeting lives on for the routes after it.
    "POST /api/v1/meetings/{meeting_id}/cancel": Rule(INTERNAL, RUN.allowed, ok=422),
    "PUT /api/v1/meetings/{meeting_id}/attendance": RUN,
    "PUT /api/v1/meetings/{meeting_id}/items/order": RUN,
    "POST /api/v1/meetings/{meeting_id}/items": Rule(INTERNAL, RUN.allowed, ok=201),
    "GET /api/v1/items/{item_id}": READ,
    "PATCH /api/v1/items/{item_id}": RUN,
    "POST /api/v1/items/{item_id}/move": RUN,
    "POST /api/v1/items/{item_id}/forward": Rule(INTERNAL, RUN.allowed, ok=201),
    "POST /api/v1/items/{item_id}/withdraw": RUN,
    "POST /api/v1/items/{item_id}/follow-ups": Rule(INTERNAL, RUN.allowed, ok=201),
    "GET /api/v1/attachments/{attachment_id}": READ,
    "GET /api/v1/follow-ups/mine": EVERY_SIGNED_IN,  # only your own follow-ups
    "PATCH /api/v1/follow-ups/{action_id}": RUN,  # and the person responsible
    "PUT /api/v1/meetings/{meeting_id}/minutes": RUN,
    "POST /api/v1/meetings/{meeting_id}/minutes/send-for-comments": RUN,
    # Every reader may comment; walked with an empty comment (422 after the access check), as
    # a member's walk never sends the minutes out.
    "POST /api/v1/meetings/{meeting_id}/minutes/comments": Rule(INTERNAL, READ.allowed, ok=422),
    "POST /api/v1/meetings/{meeting_id}/minutes/approve": RUN,
    "POST /api/v1/meetings/{meeting_id}/minutes/publish": RUN,
    "GET /api/v1/meetings/{meeting_id}/minutes/versions": READ,
    "POST /api/v1/meetings/{meeting_id}/minutes/versions": Rule(INTERNAL, RUN.allowed, ok=201),
    "GET /api/v1/minutes/versions/{version_id}": READ,
    # Published minutes in OParl's shape, walked with the county forum's published meeting.
    "GET /api/v1/public/bodies": Rule(PUBLIC, anonymous=200),
    "GET /api/v1/public/bodies/{slug}": Rule(PUBLIC, anonymous=200),
    "GET /api/v1/public/bodies/{slug}/meetings": Rule(PUBLIC, anonymous=200),
    "GET /api/v1/public/meetings/{meeting_uuid}": Rule(PUBLIC, anonymous=200),
}
for _app in APP_WALKS:
    API |= _app.API


# Apps whose routes landed after this walker and still wait for someone to classify them. The
# walk skips their routes, so nothing here proves who may see them: keep this short-lived.
PENDING_APPS: dict[str, str] = {}


# --- the world the walk runs in -------------------------------------------------------------


@dataclass
class Walk:
    """Ørland's objects, a spare office and municipality for creating, and Ørland's secrets."""

    objects: dict[type[Model], Model]
    params: dict[str, object]
    bodies: dict[str, object]
    markers: list[str]
    people: dict[str, User]
    pages: dict[str, Model] = field(default_factory=dict)  # the object a page name is about


@pytest.fixture(autouse=True)
def _quiet_refusals() -> Iterator[None]:
    """Hundreds of deliberate 403s and 404s: do not format a traceback for each."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


@pytest.fixture
def walk(world, monkeypatch, settings, tmp_path) -> Walk:
    settings.MEDIA_ROOT = tmp_path  # the meetings' attachments
    # The schema takes a second to build; the walk requests /openapi.json once per persona.
    schema = _schema()
    monkeypatch.setattr(api, "get_openapi_schema", lambda *args, **kwargs: schema)
    return build_walk(world)


def build_walk(world) -> Walk:
    """Ørland's objects for the walk (the `walk` fixture; tests/test_access_walker_ids.py)."""
    area = ServiceArea.objects.create(
        county=world.county, name="Fosen", valid_from=date(2018, 1, 1)
    )
    office = world.orland_office
    office.service_area = area
    office.visiting_address = "Kystveien 7, 7130 Brekstad"
    office.save()
    OpeningHours.objects.filter(office=office).update(note="Drop-in for unge under 30")
    spare_office = OfficeFactory(county=world.county, unit_number="5099", name="NAV Ledig")
    spare_municipality = MunicipalityFactory(county=world.county, number="5098", name="Ledig")
    token, _key = ApiToken.issue(user=world.nav_leader, name="walker")
    objects: dict[type[Model], Model] = {
        Partnership: world.orland,
        Office: office,
        County: world.county,
        ServiceArea: area,
        Municipality: world.orland_municipality,
        Role: Role.objects.filter(partnership=world.orland).first(),
        User: world.nav_leader,
        ApiToken: token,
    }
    params = {
        "partnership_id": world.orland.pk,
        "office_id": office.pk,
        "county_id": world.county.pk,
        "area_id": area.pk,
        "municipality_id": world.orland_municipality.pk,
        "uidb64": "MQ",
        "feed": "00000000-0000-4000-8000-000000000000",
        "token": "ikke-en-ekte-lenke",
    }
    bodies = {
        "POST /api/v1/municipalities": {
            "number": "5097",
            "name": "Nykommune",
            "county_id": world.county.pk,
            "valid_from": "2024-01-01",
        },
        "PUT /api/v1/municipalities/{municipality_id}": {
            "number": "5057",
            "name": "Ørland",
            "county_id": world.county.pk,
            "population": 10500,
            "valid_from": "2018-01-01",
        },
        "PUT /api/v1/offices/{office_id}/opening-hours": [
            {
                "weekday": 0,
                "opens": "09:00",
                "closes": "15:00",
                "note": "Drop-in for unge under 30",
            },
        ],
        "POST /api/v1/partnerships": {
            "name": "NAV Ledig",
            "office_id": spare_office.pk,
            "model": "single",
            "valid_from": "2024-01-01",
            "state_county_id": world.county.pk,
            "municipality_ids": [spare_municipality.pk],
        },
        "PUT /api/v1/partnerships/{partnership_id}": {
            "name": "NAV Ørland",
            "office_id": office.pk,
            "model": "single",
            "valid_from": "2018-01-01",
            "state_county_id": world.county.pk,
            "municipality_ids": [world.orland_municipality.pk],
        },
        "PUT /api/v1/me/settings": {"notifications": "daily", "language": "nn"},
        "set_language": {"language": "nn", "next": "/"},
        "logout": {},
    }
    markers = [
        "NAV Ørland",
        str(world.orland.uuid),
        str(office.uuid),
        "Kystveien 7",
        "Drop-in for unge",
    ]
    meetings = _meetings_world(world)
    params.update(meetings.params)
    bodies.update(meetings.bodies)
    markers += meetings.markers
    pages = dict(meetings.pages)
    for app in APP_WALKS:
        extra = app.build(world)
        params.update(extra.params)
        bodies.update(extra.bodies)
        markers += extra.markers
        pages.update(extra.pages)
    people = world.personas()
    people["staff"] = UserFactory(username="staff", is_staff=True, is_superuser=True)
    return Walk(objects, params, bodies, markers, people, pages=pages)


@dataclass
class MeetingsWalk:
    params: dict[str, object]
    bodies: dict[str, object]
    markers: list[str]
    pages: dict[str, Model]


# Internal to Ørland, or exempt from public access: no outsider and no visitor may see them.
SECRET_FOLLOW_UP = "Lag rekrutteringsplan for Brekstad-kontoret"
SECRET_ITEM = "Nedbemanning ved kontoret i Steinkjer"
SECRET_NOTES = "Tre stillinger vurderes"
SECRET_DECISION = "Lederen forhandler med de tillitsvalgte"
SECRET_ATTACHMENTS = ["Intern risikovurdering", "Oversikt over berørte ansatte"]


def _file(title: str, item: AgendaItem, *, exempt: bool = False) -> Attachment:
    return Attachment.objects.create(
        item=item,
        title=title,
        file=SimpleUploadedFile("vedlegg.pdf", b"%PDF-1.4 walk"),
        content_type="application/pdf",
        size=13,
        sha256="0" * 64,
        exempt=exempt,
        legal_ground="Offentleglova § 13" if exempt else "",
    )


def _hold(meeting: Meeting, actor: User) -> None:
    meeting_services.meeting_send_notice(actor=actor, meeting=meeting)
    meeting.items.filter(kind=ItemKind.DECISION, decision_text="").update(
        decision_text="Vedtatt som foreslått."
    )
    meeting_services.meeting_mark_held(actor=actor, meeting=meeting)


def _meetings_world(world) -> MeetingsWalk:
    """Ørland's partnership meeting B, which approves and publishes in two steps, with

    - M, planned for next year. The walk requests the API routes in the order of API, and they
      take M through notice, held, agenda changes and minutes out for comments to published
      minutes and a correction; so PATCH and PUT carry the revisions M will have by then, and
      the reorder lists M's items as they will be;
    - I, M's decision item: moved to T (a later meeting of B), forwarded to FM (the steering
      group's meeting), withdrawn, and given a follow-up;
    - Q, last year, with approved but unpublished minutes (version 1) and a follow-up A;

    and, for the public pages and routes, a county forum with published minutes (P) holding an
    exempt item and exempt attachments, whose texts are among the walk's secrets.
    """
    leader, director = world.nav_leader, world.county_director
    today = timezone.localdate()
    year = today.year + 1
    body = meeting_services.body_create(
        actor=leader,
        name="Partnerskapsmøtet i NAV Ørland",
        kind=BodyKind.PARTNERSHIP_MEETING,
        slug="orland-partnerskapsmote",
        partnership=world.orland,
        standard_items=PARTNERSHIP_MEETING_AGENDA,
    )
    Body.objects.filter(pk=body.pk).update(publish_on_approval=False)
    body.refresh_from_db()
    for person, role in [
        (world.municipal_owner, MemberRole.CHAIR),
        (world.minute_taker, MemberRole.MINUTE_TAKER),
    ]:
        meeting_services.body_member_add(
            actor=leader, body=body, person=person, role=role, valid_from=date(2018, 1, 1)
        )

    def plan(of: Body, day: date) -> Meeting:
        return meeting_services.meeting_schedule(
            actor=leader,
            body=of,
            starts_at=at(day, 11),
            ends_at=at(day, 14),
            location="Rådhuset, Brekstad",
        )

    approved = plan(body, date(today.year - 1, 11, 3))
    action = meeting_services.action_add(
        actor=leader,
        item=approved.items.get(kind=ItemKind.DECISION),
        title=SECRET_FOLLOW_UP,
        owner=leader,
        due_date=today + timedelta(days=60),
    )
    _hold(approved, leader)
    meeting_services.minutes_approve(actor=leader, meeting=approved)
    version = approved.minutes.versions.get(number=1)

    meeting = plan(body, date(year, 3, 5))
    meeting.items.filter(kind=ItemKind.DECISION).update(decision_text="Vedtatt som foreslått.")
    item = meeting.items.get(kind=ItemKind.DECISION)
    attachment = _file("Budsjett for kontoret", meeting.items.order_by("position").first())
    later = plan(body, date(year, 6, 4))
    steering = meeting_services.body_create(
        actor=leader,
        name="Styringsgruppen i NAV Ørland",
        kind=BodyKind.STEERING_GROUP,
        slug="orland-styringsgruppe",
        partnership=world.orland,
    )
    steering_meeting = plan(steering, date(year, 2, 12))

    forum = meeting_services.body_create(
        actor=director,
        name="Samarbeidsforum i Trøndelag",
        kind=BodyKind.COOPERATION_FORUM,
        slug="trondelag-samarbeidsforum",
        county=world.county,
        standard_items=[meeting_services.StandardItem("Felles tiltak", ItemKind.DECISION, 30)],
    )
    published = plan(forum, date(today.year - 1, 10, 6))
    exempt = meeting_services.item_add(
        actor=director,
        meeting=published,
        title=SECRET_ITEM,
        kind=ItemKind.DECISION,
        exempt=True,
        legal_ground="Offentleglova § 25",
        public_title="Personalsak",
    )
    AgendaItem.objects.filter(pk=exempt.pk).update(
        notes=SECRET_NOTES, decision_text=SECRET_DECISION
    )
    public_item = published.items.get(kind=ItemKind.DECISION, exempt=False)
    public_file = _file("Handlingsplan for samarbeidet", public_item)
    _file(SECRET_ATTACHMENTS[0], public_item, exempt=True)
    _file(SECRET_ATTACHMENTS[1], exempt)
    _hold(published, director)
    meeting_services.minutes_approve(actor=director, meeting=published)  # and published

    meeting.refresh_from_db()
    item.refresh_from_db()
    pages: dict[str, Model] = {
        f"meetings:{name}": body
        for name in (
            "body_detail",
            "body_member_add",
            "meeting_schedule",
            "annual_plan_create",
            "annual_plan",
            "body_ics",
        )
    }
    pages |= {
        f"meetings:{name}": meeting
        for name in (
            "meeting_detail",
            "meeting_send_notice",
            "meeting_attendance",
            "meeting_mark_held",
            "meeting_record_afterwards",
            "meeting_cancel",
            "meeting_edit",
            "item_add",
            "item_reorder",
            "minutes_introduction",
            "minutes_send_for_comments",
            "minutes_comment",
            "minutes_approve",
            "minutes_publish",
            "minutes_correct",
            "notice_pdf",
            "notice_docx",
            "minutes_pdf",
            "minutes_docx",
            "meeting_ics",
        )
    }
    pages |= {
        f"meetings:{name}": item
        for name in (
            "item_edit",
            "item_move",
            "item_forward",
            "item_withdraw",
            "attachment_add",
            "action_add",
            "decision_excerpt_pdf",
        )
    }
    pages |= {
        "meetings:member_send_notice": body.members.order_by("pk").first(),
        "meetings:person_login": world.member,
        "meetings:minutes_version": approved,
        "meetings:attachment_download": attachment,
        "meetings:action_update": action,
        "meetings:public_partnership": world.other,  # Ørland's would name "NAV Ørland"
        "meetings:public_meeting": published,
        "meetings:public_minutes_pdf": published,
        "meetings:public_attachment": published,
    }
    params = {
        "body_id": body.pk,
        "meeting_id": meeting.pk,
        "item_id": item.pk,
        "action_id": action.pk,
        "attachment_id": attachment.pk,
        "version_id": version.pk,
        "year": year,
        "number": version.number,
        "slug": forum.slug,
        "meeting_uuid": published.uuid,
        "attachment": public_file.pk,
    }
    m = "/api/v1/meetings/{meeting_id}"
    i = "/api/v1/items/{item_id}"
    bodies = {
        "meetings:item_reorder": {"item": item.pk, "direction": "up"},
        "meetings:calendar_feed_create": {"body": ""},
        "meetings:calendar_feed_revoke": {"body": ""},
        "POST /api/v1/bodies": {
            "name": "Prosjektgruppe for ungdom",
            "kind": "project_group",
            "slug": "orland-ungdom",
            "partnership_id": world.orland.pk,
        },
        "POST /api/v1/bodies/{body_id}/members": {
            "person_id": world.member.pk,
            "role": "member",
            "valid_from": "2024-01-01",
        },
        "POST /api/v1/bodies/{body_id}/meetings": {
            "starts_at": at(date(year, 9, 3), 11).isoformat(),
            "ends_at": at(date(year, 9, 3), 14).isoformat(),
        },
        f"PATCH {m}": {"revision": meeting.revision, "location": "Ørland kultursenter"},
        f"POST {m}/notice": {},
        f"POST {m}/held": {},
        f"POST {m}/cancel": {"reason": ""},
        f"PUT {m}/attendance": {
            "attendance": [{"id": meeting.attendances.first().pk, "status": "present"}],
            "guests": ["Rådgiver fra KS"],
        },
        f"PUT {m}/items/order": {
            "item_ids": list(meeting.items.order_by("-position").values_list("pk", flat=True)),
        },
        f"POST {m}/items": {"title": "Eventuelt", "kind": "information"},
        f"PATCH {i}": {"revision": item.revision, "notes": "Drøftet i møtet."},
        f"POST {i}/move": {"meeting_id": later.pk},
        f"POST {i}/forward": {"meeting_id": steering_meeting.pk},
        f"POST {i}/withdraw": {"reason": "Behandles i styringsgruppen."},
        f"POST {i}/follow-ups": {
            "title": "Meld tilbake til styringsgruppen",
            "owner_id": leader.pk,
            "due_date": date(year, 12, 1).isoformat(),
        },
        "PATCH /api/v1/follow-ups/{action_id}": {
            "revision": action.revision,
            "progress": "Godt i gang.",
        },
        # PATCH above raised M's revision by one.
        f"PUT {m}/minutes": {"revision": meeting.revision + 1, "introduction": "Velkommen."},
        f"POST {m}/minutes/send-for-comments": {
            "deadline": (today + timedelta(days=14)).isoformat(),
        },
        f"POST {m}/minutes/comments": {"text": ""},
        f"POST {m}/minutes/approve": {},
        f"POST {m}/minutes/publish": {},
        f"POST {m}/minutes/versions": {
            "reason": "Skrivefeil i innledningen",
            "introduction": "Velkommen til møtet.",
        },
    }
    markers = [SECRET_FOLLOW_UP, SECRET_ITEM, SECRET_NOTES, SECRET_DECISION, *SECRET_ATTACHMENTS]
    return MeetingsWalk(params, bodies, markers, pages)


# --- the routes -----------------------------------------------------------------------------


@dataclass
class Route:
    key: str  # URL name, or "METHOD /path" for the API
    rule: Rule | None
    url: str
    app: str  # the project app whose view answers: "registry", "meetings", …
    api: bool = False


def _patterns(resolver: URLResolver, pieces: tuple = (), namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else (entry.namespace or namespace)
            )
            yield from _patterns(entry, (*pieces, entry.pattern), inner)
        else:
            assert isinstance(entry, URLPattern)
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield (*pieces, entry.pattern), namespace, name, entry.lookup_str


def _object_for(name: str, walk: Walk) -> Model | None:
    """The Ørland object a URL name is about: registry:office_edit → Ørland's office."""
    if name in walk.pages:
        return walk.pages[name]
    if name.startswith("registry:") or name.startswith("core:"):
        label = name.split(":", 1)[1]
        for model in (ServiceArea, Partnership, Office, County, Municipality):
            prefix = {ServiceArea: "service_area"}.get(model, model._meta.model_name)
            if label.startswith(prefix + "_"):
                return walk.objects[model]
        return None
    for model, obj in walk.objects.items():
        if name.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_"):
            return obj
    return None


def _value(param: str | int, name: str, walk: Walk) -> str:
    if param in walk.params:
        return str(walk.params[param])
    if isinstance(param, str) and param.endswith("_id") and not name.startswith("admin:"):
        return "0"  # a parameter the walk does not know yet: only unclassified routes have it
    if param == "app_label":
        return "registry"
    if param == "url":
        return "finnes-ikke/"
    if param == "content_type_id":
        return str(ContentType.objects.get_for_model(Partnership).pk)
    if param == "id":
        return str(walk.objects[User].pk)
    obj = _object_for(name or "", walk)
    if name == "admin:view_on_site":
        obj = walk.objects[Partnership]
    if param == 1:  # a history record, for simple-history's second positional group
        return str(obj.history.first().history_id) if obj is not None else "1"
    return str(obj.pk) if obj is not None else "1"


def _concrete(pieces: tuple, name: str | None, walk: Walk) -> str:
    """A URL for the pattern with its parameters replaced by Ørland's ids."""
    url = "/"
    for piece in pieces:
        if isinstance(piece, RoutePattern):
            text = re.sub(
                r"<(?:\w+:)?(\w+)>", lambda m: _value(m.group(1), name or "", walk), str(piece)
            )
        else:
            assert isinstance(piece, RegexPattern)
            text = piece._regex.removeprefix("^").removesuffix("$")
            text = re.sub(
                r"\(\?P<(\w+)>[^)]*\)", lambda m: _value(m.group(1), name or "", walk), text
            )
            positions = iter(range(10))
            text = re.sub(
                r"\([^)]*\)",
                lambda m, positions=positions: _value(next(positions), name or "", walk),
                text,
            )
        url += text
    return url


def _openapi_path(pieces: tuple) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", "".join(str(p) for p in pieces))


@functools.cache
def _schema() -> dict:
    return api.get_openapi_schema()


def page_routes(walk: Walk) -> list[Route]:
    """Every URL pattern of the project except the API operations, which `api_routes` walks."""
    api_paths = set(_schema()["paths"])
    routes = []
    for pieces, namespace, name, view in _patterns(get_resolver()):
        if name in PAGES:
            rule: Rule | None = PAGES[name]
        elif namespace.split(":")[0] in NAMESPACES:
            rule = NAMESPACES[namespace.split(":")[0]]
        elif namespace == "api" and _openapi_path(pieces) in api_paths:
            continue  # an API operation: classified in API
        else:
            rule = None
        app = view.split(".")[1] if view.startswith("partnerskap.") else view.split(".")[0]
        key = name or _openapi_path(pieces)
        routes.append(Route(key, rule, _concrete(pieces, name, walk), app))
    return routes


def api_routes(walk: Walk) -> list[Route]:
    routes = []
    for path, operations in _schema()["paths"].items():
        for method, operation in operations.items():
            key = f"{method.upper()} {path}"
            url = re.sub(r"\{(\w+)\}", lambda m: str(walk.params.get(m.group(1), 0)), path)
            app = operation["operationId"].split("_")[1]  # partnerskap_<app>_api_…
            routes.append(Route(key, API.get(key), url, app, api=True))
    return routes


# --- the requests and what each persona must get --------------------------------------------


def _request(client: BrowserClient, route: Route, walk: Walk):
    method = route.rule.method if not route.api else route.key.split()[0]
    if method == "GET":
        return client.get(route.url)
    body = walk.bodies.get(route.key)
    assert body is not None, f"{route.key}: give the walk a valid-looking body for it"
    if callable(body):  # read at the time of the request, e.g. the revision as it is then
        body = body()
    if route.api:
        return client.generic(method, route.url, json.dumps(body), content_type="application/json")
    return client.post(route.url, body)


def _expected(rule: Rule, persona: str | None, *, api_route: bool) -> int:
    if rule.kind == PUBLIC:
        return rule.anonymous if persona is None else rule.ok
    if persona is None:
        return 401 if api_route else 302
    if persona in rule.allowed:
        return rule.ok
    if rule.kind == INTERNAL and persona not in ORLAND_READERS:
        return 404  # existence not confirmed
    return 403


def _history_rows() -> int:
    return sum(
        model.history.count()
        for model in (County, ServiceArea, Municipality, Office, OpeningHours, Partnership, Role)
    )


def test_every_route_is_classified(walk):
    unclassified = [
        r.key
        for r in page_routes(walk) + api_routes(walk)
        if r.rule is None and r.app not in PENDING_APPS
    ]
    assert not unclassified, (
        f"Routes nobody has classified: {unclassified}. Add each to PAGES or API in "
        "tests/test_access_walker.py, deciding who may see it."
    )
    stale = (set(PAGES) - {r.key for r in page_routes(walk)}) | (
        set(API) - {r.key for r in api_routes(walk)}
    )
    assert not stale, f"The tables classify routes that no longer exist: {sorted(stale)}"


@pytest.mark.xfail(
    bool(PENDING_APPS),
    strict=True,
    reason="; ".join(f"{app}: {why}" for app, why in PENDING_APPS.items()),
)
def test_routes_of_pending_apps_are_classified(walk):
    """Fails (expectedly) while an app in PENDING_APPS has unclassified routes.

    When every route of those apps is in the tables this passes, which strict xfail turns
    into a failure: then take the app out of PENDING_APPS.
    """
    unclassified = [r.key for r in page_routes(walk) + api_routes(walk) if r.rule is None]
    assert not unclassified, f"Routes nobody has classified: {unclassified}"


@pytest.mark.parametrize("persona", [*PERSONAS, None], ids=[*PERSONAS, "anonymous"])
def test_walk_every_route(walk, persona):
    client = BrowserClient()
    user = walk.people[persona] if persona else None
    writers = set().union(*(r.allowed for key, r in API.items() if not key.startswith("GET ")))
    history_before = _history_rows()
    failures = []
    if user is not None:
        client.force_login(user)
    for route in page_routes(walk) + api_routes(walk):
        if route.rule is None:
            continue  # test_every_route_is_classified names it
        response = _request(client, route, walk)
        if user is not None and route.key in ("logout", "admin:logout"):
            client.force_login(user)
        failures += _check(route, persona, response, walk)
    assert not failures, "\n".join(failures)
    if persona not in writers:
        assert _history_rows() == history_before, "a persona without write access changed data"


def _check(route: Route, persona: str | None, response, walk: Walk) -> list[str]:
    who = persona or "anonymous"
    got = response.status_code
    location = response.get("Location", "")
    problems = []
    if route.rule.kind == DJANGO_ADMIN:
        to_login = got == 302 and location.startswith(("/admin/login/", LOGIN_URL))
        admin_login_page = route.key == "admin:login" and got == 200
        # The admin's logout sends people who are not staff to the admin's index, which is
        # behind the same login.
        to_index = route.key == "admin:logout" and got == 302 and location == "/admin/"
        if not (to_login or admin_login_page or to_index):
            problems.append(f"{who} {route.key} {route.url}: {got} {location}, not the login")
    else:
        expected = _expected(route.rule, persona, api_route=route.api)
        if got != expected:
            problems.append(f"{who} {route.key} {route.url}: expected {expected}, got {got}")
        elif (
            route.rule.kind != PUBLIC
            and expected == 302
            and persona is None
            and not location.startswith(LOGIN_URL + "?next=")
        ):
            problems.append(f"{who} {route.key}: redirected to {location}, not the login")
    if persona in OUTSIDERS or persona is None:
        leaked = _leaked(response, walk)
        if leaked:
            problems.append(f"{who} {route.key} {route.url}: shows Ørland's {leaked}")
    return problems


def _leaked(response, walk: Walk) -> list[str]:
    """Ørland's secrets found in the response, as text or escaped inside JSON."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    content = body.decode(errors="replace") + response.get("Location", "")
    return [m for m in walk.markers if m in content or json.dumps(m)[1:-1] in content]


def test_django_admin_pages_work_for_staff(walk):
    """The walk above only sees login redirects; a staff member must get every admin page."""
    client = BrowserClient()
    client.force_login(walk.people["staff"])
    failures = []
    for route in page_routes(walk):
        if route.rule is not None and route.rule.kind == DJANGO_ADMIN:
            response = client.get(route.url)
            if response.status_code >= 500:
                failures.append(f"{route.key} {route.url}: {response.status_code}")
    assert not failures


def test_lists_for_an_outsider_do_not_name_orland(walk, client):
    client.force_login(walk.people["outsider"])
    for url in ("/partnerskap/", "/api/v1/partnerships", "/kontor/", "/api/v1/offices", "/"):
        response = client.get(url)
        assert response.status_code == 200
        assert not _leaked(response, walk), url
    assert client.get("/api/v1/partnerships").json()["items"] == []


def test_lists_for_a_reader_do_name_orland(walk, client):
    """The check above would pass on an empty page; here the same lists show Ørland."""
    client.force_login(walk.people["member"])
    for url in ("/partnerskap/", "/api/v1/partnerships", "/kontor/", "/api/v1/offices", "/"):
        assert "NAV Ørland" in _leaked(client.get(url), walk), url


def test_other_leader_sees_nothing_of_orland_on_own_pages(world, walk):
    """The neighbour's own pages and forms (choices of offices, say) must not list Ørland."""
    client = BrowserClient()
    client.force_login(world.other_leader)
    other = {
        "partnership_id": world.other.pk,
        "office_id": world.other_office.pk,
    }
    urls = [
        f"/partnerskap/{world.other.pk}/",
        f"/partnerskap/{world.other.pk}/rediger/",
        f"/partnerskap/{world.other.pk}/roller/ny/",
        f"/kontor/{world.other_office.pk}/",
        f"/kontor/{world.other_office.pk}/rediger/",
        f"/kontor/{world.other_office.pk}/apningstider/",
        "/api/v1/partnerships/{partnership_id}".format(**other),
        "/api/v1/offices/{office_id}".format(**other),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not _leaked(response, walk), url
