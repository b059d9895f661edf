"""The demo data set: idempotent, and its meetings valid as the product would have made them."""

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import pytest
from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.test import override_settings
from django.utils import timezone, translation

from partnerskap.annual.models import CouncilReport
from partnerskap.annual.report import report_content
from partnerskap.demo import meetings as demo_meetings
from partnerskap.demo.loader import DemoLoader
from partnerskap.meetings import selectors
from partnerskap.meetings.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionStatus,
    AgendaItem,
    ApprovalKind,
    Attendance,
    Body,
    BodyKind,
    ItemKind,
    MeetingStatus,
    MemberRole,
    MinutesComment,
    MinutesStatus,
)

pytestmark = pytest.mark.django_db

APPS = ("core", "registry", "meetings", "projects", "goals")

# People named in the seed minutes: the demo tells their meetings with invented people only.
SEED_NAMES = [
    "Dahlmo",
    "Stavnes",
    "Cathrine",
    "Knut Erik",
    "Rødsand",
    "Andreassen",
    "Halsbakk",
    "Troli",
    "Amund",
    "Eriksen",
    "Espen",
    "Strøm",
    "Iveland",
    "Nordnes",
    "Åshild",
    "Gundersen",
    "Liv Marit",
    "Bente",
    "Jan Arve",
    "Marit",
    "Holte",
    "Seljeseth",
    "Kaarby",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Iterator[int]:
    """The demo loaded once for the module, inside a transaction rolled back at the end; each
    test runs in a savepoint of it. Yields how many after-commit callbacks (e-mails) it queued."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        connection = transaction.get_connection()
        queued_before = len(connection.run_on_commit)
        DemoLoader().load()
        queued = connection.run_on_commit[queued_before:]
        # The search index's refreshes are queued after commit too; they send nothing.
        yield [
            f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', repr(func))}"
            for _sids, func, _robust in queued
            if not _sends_nothing(func)
        ]
        transaction.set_rollback(True)


def _sends_nothing(func) -> bool:
    """The search index's refreshes and the import counters of /internal/metrics."""
    module = getattr(func, "__module__", "")
    name = getattr(func, "__qualname__", "")
    return module == "partnerskap.search.signals" or name.endswith(
        "import_commit.<locals>.<lambda>"
    )


def test_historical_meetings_mail_nobody(demo):
    assert demo == [], demo


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for name in APPS
        for model in apps.get_app_config(name).get_models()
    }


def _nordland() -> Body:
    return Body.objects.get(slug=demo_meetings.nordland.SLUG)


def _orland() -> Body:
    return Body.objects.get(slug=demo_meetings.orland.SLUG)


def test_loading_twice_creates_nothing_new(demo):
    before = _counts()
    assert before["meetings.Meeting"] >= 8
    DemoLoader().load()
    assert _counts() == before


def test_nordland_steering_group(demo):
    body = _nordland()
    assert body.kind == BodyKind.STEERING_GROUP
    assert body.county.name == "NAV Nordland"
    roles = {m.person.username: m.role for m in body.members.select_related("person")}
    assert roles["fylkesdirektor.nordland"] == MemberRole.CHAIR
    assert roles["prosjektleder.nordland"] == MemberRole.MINUTE_TAKER
    assert {"leder.indresalten", "leder.meloy"} <= set(roles)
    meetings = list(body.meetings.order_by("starts_at"))
    assert len(meetings) >= 6
    assert {m.starts_at.year for m in meetings} == {2017, 2018, 2019}
    for meeting in meetings:
        items = list(meeting.items.order_by("position"))
        assert len(items) >= 5
        with translation.override("nb"):
            assert all(i.label == f"Sak {i.number}/{i.year % 100:02d}" for i in items)
        assert meeting.location.startswith("NAV Nordland, møterom")
    titles = " ".join(AgendaItem.objects.filter(meeting__body=body).values_list("title", flat=True))
    for topic in ("Status i pilotene", "Budsjett", "Delrapport", "Partnerskapskonferansen"):
        assert topic in titles
    budget_2019 = AgendaItem.objects.get(meeting__body=body, year=2019, title="Budsjett")
    assert "1,2 millioner" in budget_2019.notes and "190 000" in budget_2019.notes


def test_every_meeting_after_the_first_opens_with_approval_of_the_previous_minutes(demo):
    """And the open follow-ups come next when there are any: no automatic item is empty."""
    for body in (_nordland(), _orland()):
        first, *rest = body.meetings.order_by("starts_at")
        automatic = (ItemKind.MINUTES_APPROVAL, ItemKind.FOLLOW_UPS)
        assert not first.items.filter(kind__in=automatic).exists()
        for meeting in rest:
            kinds = [i.kind for i in meeting.items.order_by("position")]
            assert kinds[0] == ItemKind.MINUTES_APPROVAL
            assert ItemKind.FOLLOW_UPS not in kinds[2:]


def test_numbering_per_body_and_year_has_no_gaps_or_repeats(demo):
    numbers = defaultdict(list)
    for body_id, year, number in AgendaItem.objects.values_list("numbering_body", "year", "number"):
        numbers[body_id, year].append(number)
    assert len(numbers) >= 5  # Nordland 2017, 2018, 2019; Ørland 2020 and next year
    for key, found in numbers.items():
        assert sorted(found) == list(range(1, len(found) + 1)), key


def test_decision_items_have_decisions_and_meetings_are_done(demo):
    held = AgendaItem.objects.filter(meeting__status=MeetingStatus.PUBLISHED)
    assert not held.filter(kind=ItemKind.DECISION, decision_text="").exists()
    nordland = _nordland().meetings.all()
    assert all(m.status == MeetingStatus.PUBLISHED for m in nordland)
    assert all(m.held_at == m.ends_at for m in nordland)
    assert all(m.notice_sent_at < m.starts_at for m in nordland)


def test_public_minutes_exist(demo):
    public = list(selectors.public_meetings(Body.objects.all()))
    nordland = [m for m in public if m.body.slug == demo_meetings.nordland.SLUG]
    orland = [m for m in public if m.body.slug == demo_meetings.orland.SLUG]
    assert len(nordland) == _nordland().meetings.count()
    assert len(orland) == 1
    for meeting in public:
        assert meeting.minutes.status == MinutesStatus.PUBLISHED
        assert meeting.minutes.published_at > meeting.ends_at
        version = meeting.minutes.versions.get()
        assert version.content["items"]
        assert version.created_at == meeting.minutes.approved_at
    kinds = {m.minutes.approval_kind for m in nordland}
    assert kinds == {ApprovalKind.EXPLICIT, ApprovalKind.DEEMED}


def test_deemed_approval_follows_the_deadline(demo):
    for minutes in [
        m.minutes for m in _nordland().meetings.filter(minutes__approval_kind=ApprovalKind.DEEMED)
    ]:
        assert minutes.comment_deadline < timezone.localtime(minutes.approved_at).date()
        assert minutes.sent_for_comments_at.date() < minutes.comment_deadline


def test_follow_ups_have_owners_and_some_are_closed(demo):
    actions = ActionItem.objects.filter(body=_nordland())
    assert actions.count() >= 5
    closed = actions.filter(status=ActionStatus.DONE)
    assert closed.exists() and not closed.filter(closed_at__isnull=True).exists()
    assert actions.filter(status__in=OPEN_ACTION_STATUSES).exists()
    for action in actions.select_related("item__meeting"):
        assert action.due_date >= action.item.meeting.starts_at.date()
        if action.closed_at:
            assert action.closed_at > action.item.meeting.starts_at


def test_orland_partnership_meeting_and_the_next_one(demo):
    body = _orland()
    assert body.kind == BodyKind.PARTNERSHIP_MEETING
    assert body.partnership.name == "NAV Ørland"
    assert body.standard_items.count() == 8
    held, upcoming = body.meetings.order_by("starts_at")
    assert (held.starts_at.year, held.starts_at.month) == (2020, 9)
    assert held.status == MeetingStatus.PUBLISHED
    assert held.minutes.approval_kind == ApprovalKind.EXPLICIT
    assert MinutesComment.objects.filter(minutes=held.minutes).count() == 1
    assert ActionItem.objects.filter(body=body).count() == 2
    assert upcoming.status == MeetingStatus.PLANNED
    assert upcoming.starts_at > held.starts_at
    content = selectors.minutes_content(upcoming)
    assert content["items"][0]["title"].endswith("17.09.2020")
    carried = content["items"][1]["carried_actions"]
    assert [a["owner"] for a in carried] == ["Siri Lund (NAV Trøndelag)"]  # with organisation


def test_no_names_from_the_seed(demo):
    texts = []
    for model, fields in [
        (AgendaItem, ["title", "notes", "decision_text", "presenter", "background"]),
        (ActionItem, ["title", "progress"]),
        (Attendance, ["name", "represents"]),
        (MinutesComment, ["text"]),
        (Body, ["name", "description"]),
    ]:
        for row in model.objects.values_list(*fields):
            texts.extend(row)
    text = " ".join(t for t in texts if t)
    found = [name for name in SEED_NAMES if name in text]
    assert found == []
    assert Attendance.objects.filter(~Q(status="guest"), person__isnull=True).count() == 0


# --- the Nordland conference (conferences) ----------------------------------------------------

# The seed's conference programme names real speakers: the demo invents its own.
SEED_SPEAKERS = [
    "Ole Christian Lien",
    "Solveig Ose",
    "Bullvåg",
    "Ivar Lima",
    "Alice Karlsen",
    "Anders Kise",
    "Birte Pedersen",
    "Swensen",
    "Hild Marit",
    "Breimo",
    "Jenvin",
    "Ronny Olsen",
    "Truls Bjerke",
    "Heidi Ryer",
]


def test_the_nordland_conference(demo):
    from partnerskap.conferences import selectors as conference_selectors
    from partnerskap.conferences.models import Event, SurveyResponse
    from partnerskap.demo import conferences as demo_conferences

    event = Event.objects.get(slug=demo_conferences.SLUG)
    assert (event.first_day.isoformat(), event.last_day.isoformat()) == ("2019-04-10", "2019-04-11")
    assert event.following_body == _nordland() and event.organiser_county.name == "NAV Nordland"
    counts = conference_selectors.event_counts(event)
    assert (counts.registered, counts.cancelled) == (85, 3)  # "85 deltagere"
    assert 80 <= event.registrations.count() <= 95
    days = conference_selectors.check_in_totals(event)
    assert all(60 <= n <= counts.registered for n in days.values())
    content, _sessions = conference_selectors.draft_programme(event)
    assert event.versions.count() == 2
    titles = [s["title"] for day in content["days"] for s in day["sessions"]]
    assert titles.count("Verksted: hvordan blir dette god lokal inkluderingspraksis?") == 3
    rows = conference_selectors.organisation_rows(event)
    assert sorted(r.municipality.name for r in rows.missing) == ["Beiarn", "Rødøy"]
    summary = conference_selectors.survey_summary(event.survey)
    assert event.survey.anonymous and summary.responses >= 55
    assert [q.question.kind for q in summary.questions] == [
        "scale",
        "scale",
        "yes_no",
        "text",
        "text",
    ]
    assert not SurveyResponse.objects.filter(registration__isnull=False).exists()
    people = " ".join(
        [r.name for r in event.registrations.all()]
        + [p["name"] for day in content["days"] for s in day["sessions"] for p in s["speakers"]]
    )
    assert not [name for name in SEED_NAMES + SEED_SPEAKERS if name in people]


def test_the_nordland_network_is_a_county_body_recorded_afterwards(demo):
    body = Body.objects.get(slug=demo_meetings.network.SLUG)
    assert (body.kind, body.county.name) == (BodyKind.NETWORK, "NAV Nordland")
    assert [c.name for c in body.other_counties.all()] == ["NAV Trøndelag"]
    # The board is the network's external members; the county directors are demo logins.
    board_names = {name for name, _, _ in demo_meetings.network.BOARD}
    board = [
        m.person
        for m in body.members.select_related("person")
        if m.person.display_name in board_names
    ]
    assert len(board) == len(board_names)
    assert {p.organisation for p in board} >= {"Bodø kommune", "Steinkjer kommune"}
    assert not any(p.has_usable_password() for p in board)
    meeting = body.meetings.get()
    assert meeting.minutes.recorded_afterwards and meeting.notice_sent_at is None
    assert meeting.items.count() == len(demo_meetings.network.ITEMS)
    action = meeting.items.get(title="Neste møte og arbeidsform").actions.get()
    assert action.owner.display_name.startswith("Nettverket") and not action.remind


# --- the Nordland project (projects) ----------------------------------------------------------


def test_the_nordland_project(demo):
    from partnerskap.projects import selectors as project_selectors
    from partnerskap.projects.models import Project

    project = Project.objects.get(name="NAV i Nordland i en ny tid")
    assert project.county.number == "18" and project.steering_group == _nordland()
    assert project.leader.username == "prosjektleder.nordland"
    assert project.budgets.filter(project__startswith="F18025").exists()
    assert [p.name for p in project.pilots.all()] == ["Ofoten", "Indre Salten", "Sør-Salten"]
    assert all(p.partnerships.exists() and p.municipalities.exists() for p in project.pilots.all())
    lines = {line.row.label: line.entry for line in project_selectors.status_table(project)}
    assert lines["Ofoten"].status_text == "I rute"
    assert lines["Vesterålen"].status_text == "Starte dialog"
    assert lines["Sør-Salten"].copied  # not reported on 1 March 2019: carried forward
    dates = project_selectors.reporting_dates(project)
    assert dates[0] == date(2019, 3, 1) and date(2018, 11, 29) in dates
    assert project.milestones.count() == 5 and project.risks.count() == 3
    audiences = set(project.communication.values_list("audience", flat=True))
    assert {"Styringsgruppen", "De tre pilotene", "Brukerutvalget", "Media"} <= audiences


def test_the_goals_of_indre_fosen_and_orland(demo):
    """Indre Fosen's follow-up goal reads the imported key figure: 581 → 1 130 against 1 200 is
    on the way; Ørland's owners' signals pull apart where the demo says they do."""
    from partnerskap.goals import selectors as goals
    from partnerskap.goals.progress import Status
    from partnerskap.registry.models import Partnership

    year = timezone.localdate().year
    indre_fosen = Partnership.objects.get(office__unit_number="5054")
    follow_up = goals.goals_with_progress(indre_fosen, year)[0]
    [reading] = follow_up.readings
    assert (reading.baseline, reading.actual, reading.target_value) == (581, 1130, 1200)
    assert (follow_up.status, follow_up.percent) == (Status.ON_THE_WAY, 89)
    orland = Partnership.objects.get(office__unit_number="5057")
    assert {row.status for row in goals.goals_with_progress(orland, year)} == {
        Status.ON_THE_WAY,
        Status.BEHIND,
    }
    signals = goals.signals(orland, year)
    [pulling] = [s for s in signals["municipality"] if s.pulls_against_id]
    assert pulling.pulls_against in signals["state"]


def test_orlands_council_report_draft_for_last_year(demo):
    """Issue 20: Ørland's report to the municipal council for last year, a draft with texts,
    whose facts come from the demo's bodies and agreement."""
    year = timezone.localdate().year - 1
    report = CouncilReport.objects.get(partnership__name="NAV Ørland", year=year)
    assert report.texts["introduction"].startswith("NAV Ørland legger med dette fram")
    assert not report.versions.exists()
    sections = {s["key"]: s for s in report_content(report)["sections"]}
    assert sections["bodies"]["tables"][0]["rows"]  # Ørland's bodies, with last year's counts
    assert sections["agreement"]["lines"]
