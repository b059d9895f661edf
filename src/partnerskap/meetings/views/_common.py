"""What every meeting page shares: the form page, where a meeting stands, and what comes next."""

from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from partnerskap.core import pages

from .. import minutes_state
from ..models import Attachment, Meeting, MeetingStatus, MinutesStatus
from ..services import EDITABLE_AGENDA

CLOSED = (MeetingStatus.MINUTES_APPROVED, MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED)

# The next steps a person who runs the body may take, by where the meeting stands.
NEXT_STEPS = {
    MeetingStatus.PLANNED: ("notice", "edit", "cancel"),
    MeetingStatus.NOTICE_SENT: ("attendance", "held", "edit", "cancel"),
    MeetingStatus.HELD: ("attendance", "send_for_comments", "approve"),
    MeetingStatus.MINUTES_IN_COMMENT: ("comment", "approve"),
    MeetingStatus.MINUTES_APPROVED: ("publish", "correct"),
    MeetingStatus.PUBLISHED: ("correct",),
    MeetingStatus.CANCELLED: (),
}


def meeting_state(meeting: Meeting) -> str:
    """The meeting's status as it is today: minutes whose comment deadline passed with no
    objection count as approved (and published, if the body publishes on approval)."""
    minutes = getattr(meeting, "minutes", None)
    if meeting.status != MeetingStatus.MINUTES_IN_COMMENT or minutes is None:
        return meeting.status
    effective = minutes_state.effective_status(minutes)
    if effective == MinutesStatus.APPROVED:
        return MeetingStatus.MINUTES_APPROVED
    if effective == MinutesStatus.PUBLISHED:
        return MeetingStatus.PUBLISHED
    return meeting.status


def state_label(meeting: Meeting) -> str:
    return str(MeetingStatus(meeting_state(meeting)).label)


def next_steps(state: str, *, can_run: bool) -> frozenset[str]:
    if can_run:
        return frozenset(NEXT_STEPS[MeetingStatus(state)])
    # Everyone who reads the body may comment on minutes out for comments.
    return frozenset({"comment"}) if state == MeetingStatus.MINUTES_IN_COMMENT else frozenset()


def agenda_open(state: str) -> bool:
    return state in EDITABLE_AGENDA


def minutes_open(state: str) -> bool:
    return state not in CLOSED


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
