"""The registers of decisions and follow-ups: filters, links, and the scope of each person."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from partnerskap.core.models import User
from partnerskap.demo.loader import DemoLoader
from partnerskap.meetings import services
from partnerskap.meetings.models import OPEN_ACTION_STATUSES, ActionItem, ItemKind
from partnerskap.registry.models import County, OwnerKind


def _client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _titles(user, url):
    response = _client(user).get(url)
    assert response.status_code == 200
    return [row.title for row in response.context["page"].object_list]


@pytest.fixture
def decided(world, meeting):
    item = meeting.items.filter(kind=ItemKind.DECISION).first()
    services.item_update(
        actor=world.nav_leader, item=item, revision=item.revision, decision_text="Vedtatt nå."
    )
    day = timezone.localtime(meeting.starts_at).date()
    services.action_add(
        actor=world.nav_leader, item=item, title="Lag plan", owner=world.member, due_date=day
    )
    services.action_add(
        actor=world.nav_leader,
        item=item,
        title="Skaff tall",
        owner=world.nav_leader,
        due_date=day + timedelta(days=40),
    )
    return item


def test_follow_ups_filtered_by_owner_due_status_and_text(world, decided):
    url = "/registre/oppfolginger/"
    assert _titles(world.member, url) == ["Lag plan", "Skaff tall"]
    assert _titles(world.member, url + "?owner=" + world.member.first_name) == ["Lag plan"]
    later = (timezone.localtime(decided.meeting.starts_at).date() + timedelta(days=10)).isoformat()
    assert _titles(world.member, url + f"?due_from={later}") == ["Skaff tall"]
    assert _titles(world.member, url + "?q=tall") == ["Skaff tall"]
    assert _titles(world.member, url + "?status=done") == []
    assert _titles(world.member, url + f"?partnership={world.orland.pk}") == [
        "Lag plan",
        "Skaff tall",
    ]
    assert _titles(world.outsider, url) == []
    assert _titles(world.other_leader, url) == []
    page = _client(world.member).get(url).content.decode()
    assert f"/moter/{decided.meeting_id}/#item-{decided.pk}" in page


def test_decisions_link_to_their_meeting_and_item(world, decided):
    response = _client(world.county_director).get("/registre/vedtak/?q=vedtatt")
    assert [i.pk for i in response.context["page"].object_list] == [decided.pk]
    assert f"/moter/{decided.meeting_id}/#item-{decided.pk}" in response.content.decode()
    year = timezone.localtime(decided.meeting.starts_at).year
    assert _titles(world.county_director, f"/registre/vedtak/?year={year - 1}") == []
    assert _titles(world.outsider, "/registre/vedtak/") == []


def test_a_bad_date_is_refused_with_a_message(world):
    response = _client(world.member).get("/registre/oppfolginger/?due_from=i-morgen")
    assert response.status_code == 400
    assert "Oppgi en gyldig dato." in response.content.decode()


@pytest.mark.django_db
def test_overdue_in_nordland_matches_an_independent_query():
    """Done point 3, on the demo data: Nordland's county bodies and the partnerships whose state
    owner is NAV Nordland, open and past due, compared with a query written here from scratch."""
    DemoLoader().load()
    admin = User.objects.get(username="admin")
    nordland = County.objects.get(name__icontains="Nordland")
    today = timezone.localdate()
    expected = set()
    for action in ActionItem.objects.select_related("body__partnership"):
        body = action.body
        counties = set()
        if body.county_id:
            counties.add(body.county_id)
        if body.partnership_id:
            owners = body.partnership.owners.filter(kind=OwnerKind.STATE)
            counties |= {o.county_id for o in owners}
        late = action.status in OPEN_ACTION_STATUSES and action.due_date < today
        if late and nordland.pk in counties:
            expected.add(action.pk)
    assert expected, "the demo has overdue follow-ups in Nordland"
    response = _client(admin).get(f"/registre/oppfolginger/?county={nordland.pk}&status=overdue")
    paginator = response.context["page"].paginator
    found = {a.pk for number in paginator.page_range for a in paginator.page(number)}
    assert found == expected
