"""What every meeting page shares: the form page and downloads."""

from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from partnerskap.core import pages

from ..models import Attachment, Meeting


def form_page(request: HttpRequest, form: Form, **kwargs: object) -> HttpResponse:
    """core.pages.form_page with the meetings' template (which shows the meeting it is about)."""
    kwargs.setdefault("template", "meetings/form.html")
    return pages.form_page(request, form, **kwargs)  # type: ignore[arg-type]


PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ICS = "text/calendar; charset=utf-8"


def download(
    data: bytes, content_type: str, filename: str, *, inline: bool = False
) -> HttpResponse:
    disposition = content_disposition_header(as_attachment=not inline, filename=filename)
    return HttpResponse(
        data, content_type=content_type, headers={"Content-Disposition": disposition}
    )


def file_name(kind: str, meeting: Meeting, extension: str) -> str:
    """innkalling-orland-partnerskapsmote-2027-03-05.pdf: what it is, whose, and when."""
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    return f"{kind}-{meeting.body.slug}-{day}.{extension}"


def file_response(attachment: Attachment) -> FileResponse:
    """An attachment as a download, streamed from storage: never a public media URL."""
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = attachment.file.name.rsplit("/", 1)[-1]
    return FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=attachment.content_type,
    )


def form_view(request: HttpRequest, form: Form, **kwargs: object) -> HttpResponse:
    """core.pages.form_view with the meetings' template (which shows the meeting it is about)."""
    kwargs.setdefault("template", "meetings/form.html")
    return pages.form_view(request, form, **kwargs)  # type: ignore[arg-type]
