"""The goals pages: a goal made and changed on the forms (with the optimistic revision), an
indicator, a target and a value, bad input told in Norwegian, and the signals side by side."""

from django.urls import reverse

from partnerskap.figures.models import Indicator
from partnerskap.goals import services
from partnerskap.goals.models import Goal


def test_the_leader_makes_a_goal_on_the_pages(world, client):
    client.force_login(world.nav_leader)
    url = reverse("goals:goal_create", args=[world.orland.pk]) + "?ar=2026"
    response = client.post(url, {"year": 2026, "title": "Flere i jobb", "source": "municipality"})
    goal = Goal.objects.get(title="Flere i jobb")
    assert response.status_code == 302 and goal.year == 2026 and goal.source == "municipality"

    add = reverse("goals:indicator_add", args=[goal.pk])
    response = client.post(add, {"direction": "up", "baseline": "10"})
    assert response.status_code == 400
    assert "Velg et nøkkeltall, eller gi navn" in response.content.decode()
    response = client.post(add, {"name": "Personer i jobb", "direction": "up", "baseline": "10"})
    assert response.status_code == 302
    indicator = goal.indicators.get()
    target = reverse("goals:target_set", args=[indicator.pk])
    assert client.post(target, {"period_text": "2026", "value": "20"}).status_code == 302
    value = reverse("goals:measurement_add", args=[indicator.pk])
    response = client.post(value, {"period_text": "uke 99 2026", "value": "12"})
    assert response.status_code == 400  # no such week: the field says so
    assert client.post(value, {"period_text": "2026-T1", "value": "16"}).status_code == 302
    page = client.get(reverse("goals:goal_detail", args=[goal.pk])).content.decode()
    assert "60 %" in page and "på vei" in page


def test_two_people_editing_a_goal_do_not_overwrite_each_other(world, client):
    goal = services.goal_create(
        actor=world.nav_leader, partnership=world.orland, year=2026, title="Første tittel"
    )
    url = reverse("goals:goal_edit", args=[goal.pk])
    client.force_login(world.municipal_owner)
    form = {"title": "Kommunens tittel", "source": "partnership", "revision": goal.revision}
    assert client.post(url, form).status_code == 302
    form["title"] = "Lederens tittel"  # started from the same revision
    response = client.post(url, form)
    assert response.status_code == 409
    goal.refresh_from_db()
    assert goal.title == "Kommunens tittel"


def test_a_key_figure_has_no_values_entered_by_hand(world, client):
    goal = services.goal_create(
        actor=world.nav_leader, partnership=world.orland, year=2026, title="Oppfølging"
    )
    indicator = services.indicator_add(
        actor=world.nav_leader,
        goal=goal,
        series=Indicator.objects.get(code="users_follow_up"),
        direction="up",
        baseline=581,
    )
    client.force_login(world.nav_leader)
    response = client.post(
        reverse("goals:measurement_add", args=[indicator.pk]),
        {"period_text": "2026", "value": "700"},
    )
    assert response.status_code == 400
    assert "verdiene kommer fra importen" in response.content.decode()


def test_the_signals_side_by_side_mark_where_they_pull_apart(world, client):
    state = services.signal_create(
        actor=world.nav_leader,
        partnership=world.orland,
        year=2026,
        owner="state",
        title="Flere unge i aktivitet",
    )
    client.force_login(world.municipal_owner)
    response = client.post(
        reverse("goals:signal_create", args=[world.orland.pk]) + "?ar=2026",
        {
            "year": 2026,
            "owner": "municipality",
            "title": "Lavere sosialhjelpsutgifter",
            "pulls_against": state.pk,
            "conflict_note": "Aktivitet koster først",
        },
    )
    assert response.status_code == 302
    client.force_login(world.member)
    page = client.get(reverse("goals:signal_list", args=[world.orland.pk]) + "?ar=2026")
    text = page.content.decode()
    assert "Fra staten (NAV)" in text and "Fra kommunen" in text
    assert text.count("Trekker i hver sin retning") == 2 and "Aktivitet koster først" in text
    assert reverse("goals:signal_create", args=[world.orland.pk]) not in text
