"""The goals table on an agenda item: frozen into the meeting's papers as a PDF when the notice
is sent, holding the goals as they were; later imports change the live page, not the PDF."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerskap.goals import papers
from partnerskap.meetings import services as meetings

from .conftest import follow_up_goal, import_figure, pdf_text


def test_sending_the_notice_freezes_the_goals_table_into_the_papers(
    world, follow_up, meeting, client
):
    item = meeting.items.order_by("position").first()
    paper = papers.attach(actor=world.nav_leader, partnership=world.orland, year=2020, item=item)
    meetings.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    paper.refresh_from_db()
    assert paper.frozen_at is not None
    attachment = paper.frozen_attachment
    assert attachment.item == item and attachment.content_type == "application/pdf"
    sent = pdf_text(attachment.file.read())
    for shown in ("Mål og resultater 2020", follow_up.title, "581", "1 130", "1 200", "89 %"):
        assert shown in sent, shown
    assert "på vei" in sent

    import_figure(world, "2020-W20", 1250)  # the goal is reached now: the papers stay as sent
    attachment.file.open()
    assert pdf_text(attachment.file.read()) == sent
    client.force_login(world.member)
    live = client.get(reverse("goals:goal_list", args=[world.orland.pk]) + "?ar=2020")
    assert "1\xa0250" in live.content.decode() and "nådd" in live.content.decode()


def test_the_attach_page_offers_the_partnerships_open_items(world, follow_up, meeting, client):
    item = meeting.items.order_by("position").first()
    client.force_login(world.nav_leader)
    url = reverse("goals:paper_attach", args=[world.orland.pk]) + "?ar=2020"
    assert client.get(url).status_code == 200
    response = client.post(url, {"item": item.pk})
    assert response.status_code == 302
    page = client.get(reverse("goals:goal_list", args=[world.orland.pk]) + "?ar=2020")
    assert str(item) in page.content.decode()


def test_an_item_of_another_partnership_is_refused(world, meeting):
    follow_up_goal(world)
    item = meeting.items.first()
    with pytest.raises(ValidationError):
        papers.attach(actor=world.other_leader, partnership=world.other, year=2020, item=item)


def test_the_goals_pdf_holds_a_suppressed_figure_as_colon(world, client):
    import_figure(world, "2020-W10", 2)
    follow_up_goal(world)
    client.force_login(world.member)
    response = client.get(reverse("goals:goals_pdf", args=[world.orland.pk]) + "?ar=2020")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "ingen tall ennå" in text and " : " in text
