"""The invitee's answer to the notice through the personal link in it: no login; the signed
token is the key (docs/decisions/0066)."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerskap.core.pages import form_view, posted

from .. import lifecycle, selectors, services
from ..forms import NoticeAnswerForm

TEMPLATE = "meetings/notice_answer.html"


@login_not_required
@require_http_methods(["GET", "POST"])
def notice_answer(request: HttpRequest, token: str) -> HttpResponse:
    """Coming, or absent with notice (forfall) with an optional note; changeable until the
    meeting starts. After that, or once it is cancelled, the link is expired: 410."""
    attendance = selectors.answering_attendance(token)
    meeting = attendance.meeting
    context = {"attendance": attendance, "answered_meeting": meeting}
    if not lifecycle.answers_open(meeting):
        return render(request, TEMPLATE, {**context, "expired": True}, status=410)
    initial = {"answer": attendance.answer, "note": attendance.answer_note}
    form = NoticeAnswerForm(posted(request), initial=initial)
    return form_view(
        request,
        form,
        template=TEMPLATE,
        save=lambda data: services.attendance_answer(
            attendance=attendance, answer=data["answer"], note=data["note"]
        ),
        then=lambda _row: request.path,
        saved=_("Thank you. Your answer is saved; you can change it here until the meeting."),
        title=_("Answer the notice"),
        submit=_("Send the answer"),
        back=request.path,
        **context,
    )
