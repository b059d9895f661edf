"""Downloads of a meeting's documents: thin wrappers around the pure functions in documents.py."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from .. import documents, lifecycle, selectors
from ..models import Meeting
from ._common import DOCX, ICS, PDF, download, file_name


def _minutes(meeting: Meeting) -> dict:
    """The approved version once the minutes are frozen, the live draft before."""
    if lifecycle.is_frozen(meeting):
        return selectors.approved_content(meeting)
    return selectors.minutes_content(meeting)


@require_GET
def notice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk)
    data = documents.notice_pdf(selectors.minutes_content(meeting))
    return download(data, PDF, file_name("innkalling", meeting, "pdf"))


@require_GET
def notice_docx(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk)
    data = documents.notice_docx(selectors.minutes_content(meeting))
    return download(data, DOCX, file_name("innkalling", meeting, "docx"))


@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk)
    data = documents.minutes_pdf(_minutes(meeting), archival=True)
    return download(data, PDF, file_name("referat", meeting, "pdf"))


@require_GET
def minutes_docx(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk)
    data = documents.minutes_docx(_minutes(meeting))
    return download(data, DOCX, file_name("referat", meeting, "docx"))


@require_GET
def decision_excerpt_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk)
    data = documents.decision_excerpt_pdf(_minutes(item.meeting), item.pk)
    name = f"vedtak-sak-{item.number}-{item.year}-{item.numbering_body.slug}.pdf"
    return download(data, PDF, name)


@require_GET
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_detail(selectors.meeting_for_user(request.user, pk))
    return download(documents.meeting_ics(meeting), ICS, file_name("mote", meeting, "ics"))


@require_GET
def body_ics(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_for_user(request.user, pk)
    data = documents.body_ics_feed(body, selectors.body_calendar(body))
    return download(data, ICS, f"{body.slug}.ics", inline=True)
