"""Done point 5 of issue 13: an invitee answers the notice from the personal link in its e-mail,
without logging in; their notice of absence (forfall) is prefilled in the secretary's attendance
form and stands in the minutes, on the page and in the PDF. Forged and expired links are refused
(docs/decisions/0066)."""

import re

import pytest
from django.core import mail
from django.test import Client

from partnerskap.meetings import services
from partnerskap.meetings.models import (
    Attendance,
    AttendanceStatus,
    ItemKind,
    MeetingStatus,
    NoticeAnswer,
)
from partnerskap.meetings.tokens import answer_token

from ..documents.tools import pdf_text

LINK = re.compile(r"https?://[^/\s]+(/moter/svar/[^\s]+/)")


@pytest.fixture
def noticed(world, meeting, django_capture_on_commit_callbacks):
    for person in (world.nav_leader, world.municipal_owner, world.minute_taker):
        person.email = f"{person.username}@example.no"
        person.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_send_notice(actor=world.nav_leader, meeting=meeting)
    return meeting


def _link_for(person) -> str:
    (message,) = [m for m in mail.outbox if m.to == [person.email]]
    (path,) = LINK.findall(message.body)
    return path


def _anonymous(path: str) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    page = client.get(path)
    assert page.status_code == 200
    return client, page.content.decode()


def _answer(client: Client, path: str, answer: str, note: str = ""):
    token = client.cookies["csrftoken"].value
    return client.post(path, {"csrfmiddlewaretoken": token, "answer": answer, "note": note})


def _signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _hold(world, meeting) -> None:
    for item in meeting.items.filter(kind=ItemKind.DECISION):
        services.item_update(
            actor=world.minute_taker, item=item, revision=item.revision, decision_text="Vedtatt."
        )
    services.meeting_mark_held(actor=world.nav_leader, meeting=meeting)


def test_each_invitee_gets_their_own_link(world, noticed):
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        p.email for p in (world.nav_leader, world.municipal_owner, world.minute_taker)
    )
    assert all(len(m.to) == 1 for m in mail.outbox)
    links = {_link_for(p) for p in (world.nav_leader, world.municipal_owner, world.minute_taker)}
    assert len(links) == 3
    message = next(m for m in mail.outbox if m.to == [world.municipal_owner.email])
    assert "forfall" in message.body
    assert [name for name, _c, _t in message.attachments] == ["innkalling.pdf", "mote.ics"]


def test_forfall_from_the_link_is_in_the_attendance_form_and_the_minutes(world, noticed, tmp_path):
    person = world.municipal_owner
    path = _link_for(person)
    client, page = _anonymous(path)
    assert noticed.body.name in page and "Rådhuset, Brekstad" in page

    response = _answer(client, path, NoticeAnswer.ABSENT, "Kommunestyremøte samme dag")
    assert response.status_code == 302 and response["Location"] == path
    page = client.get(path).content.decode()
    assert "Meldt forfall" in page and "Kommunestyremøte samme dag" in page

    row = Attendance.objects.get(meeting=noticed, person=person)
    assert row.status == AttendanceStatus.ABSENT_WITH_NOTICE
    assert row.history.first().history_user == person

    # The secretary's attendance form: the answer is the choice already made, with the note.
    form = _signed_in(world.nav_leader).get(f"/moter/{noticed.pk}/oppmote/")
    assert form.context["form"].fields[f"status_{row.pk}"].initial == (
        AttendanceStatus.ABSENT_WITH_NOTICE
    )
    html = form.content.decode()
    select = html[html.index(f'name="status_{row.pk}"') :]
    select = select[: select.index("</select>")]
    assert re.search(r'<option value="absent_with_notice"[^>]*selected', select)
    assert "Kommunestyremøte samme dag" in html

    # Saved as prefilled, then held: the minutes say forfall, on the meeting page and the PDF.
    secretary = _signed_in(world.nav_leader)
    url = f"/moter/{noticed.pk}/oppmote/"
    secretary.get(url)
    statuses = {
        f"status_{a.pk}": a.status if a.pk == row.pk else AttendanceStatus.PRESENT
        for a in noticed.attendances.all()
    }
    saved = secretary.post(
        url, {"csrfmiddlewaretoken": secretary.cookies["csrftoken"].value, **statuses}
    )
    assert saved.status_code == 302
    _hold(world, noticed)
    meeting_page = secretary.get(f"/moter/{noticed.pk}/").content.decode()
    cells = re.sub(r"\s+", " ", meeting_page)
    assert re.search(rf"{re.escape(person.display_name)}</td>.*?<td[^>]*>Meldt forfall</td>", cells)
    pdf = secretary.get(f"/moter/{noticed.pk}/referat.pdf")
    text = " ".join(pdf_text(pdf.content, tmp_path).split())
    assert f"Meldt forfall {person.display_name}" in text


def test_coming_can_replace_a_forfall_until_the_meeting(world, noticed):
    path = _link_for(world.minute_taker)
    client, _page = _anonymous(path)
    _answer(client, path, NoticeAnswer.ABSENT)
    assert _answer(client, path, NoticeAnswer.COMING).status_code == 302
    row = Attendance.objects.get(meeting=noticed, person=world.minute_taker)
    assert (row.answer, row.status) == (NoticeAnswer.COMING, AttendanceStatus.INVITED)
    form = _signed_in(world.nav_leader).get(f"/moter/{noticed.pk}/oppmote/")
    assert form.context["form"].fields[f"status_{row.pk}"].initial == AttendanceStatus.PRESENT


def test_no_answer_is_refused_with_a_message(world, noticed):
    path = _link_for(world.minute_taker)
    client, _page = _anonymous(path)
    response = _answer(client, path, "")
    assert response.status_code == 400
    assert "Velg om du kommer." in response.content.decode()


def test_forged_links_find_nothing(world, noticed):
    path = _link_for(world.minute_taker)
    token = path.split("/")[-2]
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    client = Client(enforce_csrf_checks=True)
    assert client.get(f"/moter/svar/{forged}/").status_code == 404
    assert client.get("/moter/svar/ikke-en-ekte-lenke/").status_code == 404
    # Another row's id under this meeting's signature: the signature no longer matches.
    row = Attendance.objects.get(meeting=noticed, person=world.minute_taker)
    other = Attendance.objects.get(meeting=noticed, person=world.nav_leader)
    assert token != answer_token(other)
    body = token.rsplit(":", 1)[0].replace(str(row.pk), str(other.pk), 1)
    assert client.get(f"/moter/svar/{body}:{token.rsplit(':', 1)[1]}/").status_code == 404


def test_the_link_expires_when_the_meeting_is_held_or_cancelled(world, noticed):
    path = _link_for(world.minute_taker)
    client, _page = _anonymous(path)
    _hold(world, noticed)
    expired = client.get(path)
    assert expired.status_code == 410
    assert "Lenken er utløpt" in expired.content.decode()
    refused = _answer(client, path, NoticeAnswer.ABSENT)
    assert refused.status_code == 410
    row = Attendance.objects.get(meeting=noticed, person=world.minute_taker)
    assert (row.answer, row.status) == ("", AttendanceStatus.INVITED)
    noticed.refresh_from_db()
    assert noticed.status == MeetingStatus.HELD
