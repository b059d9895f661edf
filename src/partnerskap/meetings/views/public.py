"""The public pages: published minutes with exempt parts left out, for anyone without login."""

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partnerskap.core.pagination import paginate

from .. import documents, selectors
from ..models import Body, Meeting
from ._common import PDF, download, file_name, file_response


def _public_meeting(slug: str, pk: int) -> tuple[Body, Meeting]:
    body = selectors.public_body(slug)
    meeting = selectors.public_meeting(pk)
    if meeting.body_id != body.pk:
        raise Http404
    return body, meeting


@login_not_required
@require_GET
def public_partnership(request: HttpRequest, pk: int) -> HttpResponse:
    partnership, bodies = selectors.public_partnership(pk)
    context = {"partnership": partnership, "bodies": bodies}
    return render(request, "meetings/public/partnership.html", context)


@login_not_required
@require_GET
def public_body(request: HttpRequest, slug: str) -> HttpResponse:
    body = selectors.public_body(slug)
    page = paginate(request, selectors.public_meetings(Body.objects.filter(pk=body.pk)))
    return render(request, "meetings/public/body.html", {"body": body, "page": page})


@login_not_required
@require_GET
def public_meeting(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    body, meeting = _public_meeting(slug, pk)
    content = selectors.strip_exempt(selectors.approved_content(meeting))
    context = {"body": body, "meeting": meeting, "content": content}
    return render(request, "meetings/public/meeting.html", context)


@login_not_required
@require_GET
def public_minutes_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    _body, meeting = _public_meeting(slug, pk)
    content = selectors.strip_exempt(selectors.approved_content(meeting))
    return download(documents.minutes_pdf(content), PDF, file_name("referat", meeting, "pdf"))


@login_not_required
@require_GET
def public_attachment(request: HttpRequest, slug: str, pk: int, attachment: int) -> FileResponse:
    _body, meeting = _public_meeting(slug, pk)
    return file_response(selectors.public_attachment(meeting, attachment))
