"""A meeting's page and its steps: notice, attendance, held, minutes out for comments, comments,
approval, publication, corrections and cancellation."""

from collections.abc import Callable

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from .. import lifecycle, notify, selectors, services
from ..access import body_scope
from ..forms import (
    ApproveForm,
    AttendanceForm,
    CancelForm,
    CommentForm,
    ConfirmForm,
    CorrectionForm,
    MeetingEditForm,
    MinutesIntroductionForm,
    SendForCommentsForm,
)
from ..lifecycle import agenda_open, meeting_state, minutes_open, next_steps, state_label
from ..models import AgendaItem, AttendanceStatus, ItemStatus, Meeting, MinutesStatus
from ..selectors import ScheduledItem
from ._common import form_view


def _posted(request: HttpRequest) -> object:
    return request.POST if request.method == "POST" else None


def agenda_rows(meeting: Meeting, items: list[AgendaItem]) -> list[ScheduledItem]:
    """Every item in agenda order, the active ones with their computed start and the breaks
    between them; withdrawn and forwarded items keep their place without a time."""
    scheduled = iter(selectors.agenda_schedule(meeting, items))
    rows: list[ScheduledItem] = []
    for item in items:
        if item.status != ItemStatus.ACTIVE:
            rows.append(ScheduledItem(item, None, item.planned_minutes))  # type: ignore[arg-type]
            continue
        slot = next(scheduled)
        while slot.is_break:
            rows.append(slot)
            slot = next(scheduled)
        rows.append(slot)
    return rows


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_detail(selectors.meeting_for_user(request.user, pk))
    items = list(meeting.items.all())
    state = meeting_state(meeting)
    can_run = body_scope(request.user).can_edit(meeting.body_id)
    started = meeting.starts_at <= timezone.now()
    context = {
        "meeting": meeting,
        "state": state,
        "state_label": state_label(meeting),
        "deemed": lifecycle.is_deemed_approved(meeting.minutes),
        "agenda": agenda_rows(meeting, items),
        "overrun": selectors.agenda_overrun(meeting, selectors.agenda_schedule(meeting, items)),
        "carried": list(selectors.open_actions(meeting.body_id, before=meeting.starts_at)),
        "steps": next_steps(state, can_run=can_run, started=started),
        "can_run": can_run,
        "agenda_open": can_run and agenda_open(state),
        "minutes_open": can_run and minutes_open(state),
        "first_id": items[0].pk if items else None,
        "last_id": items[-1].pk if items else None,
        "comment_form": CommentForm(),
        "deadline_form": SendForCommentsForm(),
        "cancel_form": CancelForm(),
    }
    if "notice" in context["steps"]:  # what "Send the notice" sends, and to whom (issue 14)
        subject, text = notify.notice_text(meeting)
        context["notice_preview"] = {
            "subject": subject,
            "text": text,
            "recipients": notify.notice_recipients(list(meeting.attendances.all())),
            "attachments": notify.NOTICE_ATTACHMENTS,
        }
    return render(request, "meetings/meeting_detail.html", context)


def _step(
    request: HttpRequest,
    meeting: Meeting,
    form: Form,
    perform: Callable[[], object],
    *,
    title: str,
    submit: str,
    done: str | Callable[[object], str],
    **extra: object,
) -> HttpResponse:
    """One step of the meeting through its service: back to the meeting when it succeeds,
    the form again with the reason (400, or 409 for a conflict) when it does not."""
    return form_view(
        request,
        form,
        save=lambda _data: perform(),
        then=lambda _result: ("meetings:meeting_detail", meeting.pk),
        saved=done,
        title=title,
        submit=submit,
        back=reverse("meetings:meeting_detail", args=[meeting.pk]),
        meeting=meeting,
        **extra,
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change time, place or people; invitees get an updated invitation if notice has gone out."""
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    form = MeetingEditForm(
        _posted(request),
        people=selectors.body_people(meeting.body),
        initial=MeetingEditForm.initial_for(meeting),
    )
    return _step(
        request,
        meeting,
        form,
        lambda: services.meeting_update(
            actor=request.user,
            meeting=meeting,
            revision=form.cleaned_data["revision"],
            **form.meeting_fields(),
        ),
        title=_("Change the meeting"),
        submit=_("Save"),
        done=_("The meeting was changed."),
    )


def _notice_sent_message(meeting: Meeting) -> str:
    invited = meeting.attendances.exclude(status=AttendanceStatus.GUEST).count()
    if not invited:
        return _(
            "The notice is recorded as sent, but nobody is invited: members you add to the body "
            "are offered the notice."
        )
    return ngettext(
        "The notice was sent to the %(count)d person invited.",
        "The notice was sent to the %(count)d people invited.",
        invited,
    ) % {"count": invited}


@require_http_methods(["GET", "POST"])
def meeting_send_notice(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    return _step(
        request,
        meeting,
        ConfirmForm(_posted(request)),
        lambda: services.meeting_send_notice(actor=request.user, meeting=meeting),
        title=_("Send the notice"),
        submit=_("Send the notice"),
        done=lambda _result: _notice_sent_message(meeting),
    )


@require_http_methods(["GET", "POST"])
def meeting_mark_held(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    return _step(
        request,
        meeting,
        ConfirmForm(_posted(request)),
        lambda: services.meeting_mark_held(actor=request.user, meeting=meeting),
        title=_("Mark the meeting as held"),
        submit=_("Mark as held"),
        done=_("The meeting is marked as held."),
    )


@require_http_methods(["GET", "POST"])
def meeting_record_afterwards(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    return _step(
        request,
        meeting,
        ConfirmForm(_posted(request)),
        lambda: services.meeting_record_afterwards(actor=request.user, meeting=meeting),
        title=_("Record the meeting afterwards"),
        intro=_(
            "No notice is sent. Record attendance, notes, decisions and follow-ups next; the "
            "minutes say they were recorded after the meeting and may be approved at once."
        ),
        submit=_("Record afterwards"),
        done=_("The meeting is recorded as held. Record attendance, notes and decisions now."),
    )


@require_http_methods(["GET", "POST"])
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    form = CancelForm(_posted(request))
    return _step(
        request,
        meeting,
        form,
        lambda: services.meeting_cancel(
            actor=request.user, meeting=meeting, reason=form.cleaned_data["reason"]
        ),
        title=_("Cancel the meeting"),
        submit=_("Cancel the meeting"),
        done=_("The meeting is cancelled."),
    )


@require_http_methods(["GET", "POST"])
def meeting_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    attendances = list(meeting.attendances.order_by("name"))
    form = AttendanceForm(_posted(request), attendances=attendances)
    guests = [a for a in attendances if a not in form.invited]
    return _step(
        request,
        meeting,
        form,
        lambda: services.attendance_record(
            actor=request.user,
            meeting=meeting,
            statuses=form.statuses(),
            guests=form.guest_names(),
        ),
        title=_("Record attendance"),
        submit=_("Save attendance"),
        done=_("The attendance was saved."),
        guests=guests,
    )


@require_http_methods(["GET", "POST"])
def minutes_send_for_comments(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    form = SendForCommentsForm(_posted(request))
    return _step(
        request,
        meeting,
        form,
        lambda: services.minutes_send_for_comments(
            actor=request.user, meeting=meeting, deadline=form.cleaned_data["deadline"]
        ),
        title=_("Send the minutes for comments"),
        submit=_("Send for comments"),
        done=_("The minutes were sent for comments."),
    )


@require_http_methods(["GET", "POST"])
def minutes_comment(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk)
    form = CommentForm(_posted(request))
    return _step(
        request,
        meeting,
        form,
        lambda: services.minutes_comment(actor=request.user, meeting=meeting, **form.cleaned_data),
        title=_("Comment on the minutes"),
        submit=_("Send the comment"),
        done=_("Your comment was recorded."),
    )


@require_http_methods(["GET", "POST"])
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first: what approving does, the comment period it would close, and whether to
    publish as well; the message names each step taken."""
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    minutes = meeting.minutes
    open_until = (
        minutes.comment_deadline
        if lifecycle.minutes_status(minutes) == MinutesStatus.IN_COMMENT
        else None
    )
    form = ApproveForm(_posted(request), meeting=meeting, open_until=open_until)
    intro = _(
        "Approving freezes the minutes as they stand. Later changes are corrections with a "
        "reason, kept as new versions."
    )
    if open_until is not None:
        intro += " " + ngettext(
            "The minutes are out for comments until %(date)s and have %(count)d comment so far.",
            "The minutes are out for comments until %(date)s and have %(count)d comments so far.",
            minutes.comments.count(),
        ) % {"date": open_until.strftime("%d.%m.%Y"), "count": minutes.comments.count()}
    return _step(
        request,
        meeting,
        form,
        lambda: services.minutes_approve(
            actor=request.user, meeting=meeting, publish=form.cleaned_data["publish"]
        ),
        title=_("Approve the minutes"),
        submit=_("Approve the minutes"),
        done=lambda result: (
            _("The minutes are approved and published on the public page.")
            if result.status == MinutesStatus.PUBLISHED
            else _("The minutes are approved. They are not published.")
        ),
        intro=intro,
    )


@require_http_methods(["GET", "POST"])
def minutes_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    return _step(
        request,
        meeting,
        ConfirmForm(_posted(request)),
        lambda: services.minutes_publish(actor=request.user, meeting=meeting),
        title=_("Publish the minutes"),
        submit=_("Publish the minutes"),
        done=_("The minutes are published on the public page."),
    )


@require_http_methods(["GET", "POST"])
def minutes_correct(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    form = CorrectionForm(_posted(request), meeting=meeting)
    return _step(
        request,
        meeting,
        form,
        lambda: services.minutes_correct(
            actor=request.user,
            meeting=meeting,
            reason=form.cleaned_data["reason"],
            item_changes=form.item_changes(),
        ),
        title=_("Correct the approved minutes"),
        submit=_("Save as a new version"),
        done=_("The correction was saved as a new version of the minutes."),
    )


@require_http_methods(["GET", "POST"])
def minutes_introduction(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    initial = {"introduction": meeting.minutes.introduction, "revision": meeting.revision}
    form = MinutesIntroductionForm(_posted(request), initial=initial)
    return _step(
        request,
        meeting,
        form,
        lambda: services.minutes_update(actor=request.user, meeting=meeting, **form.cleaned_data),
        title=_("Introduction to the minutes"),
        submit=_("Save"),
        done=_("The introduction was saved."),
    )


@require_GET
def minutes_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk)
    version = selectors.minutes_version(meeting, number)
    context = {"meeting": meeting, "version": version, "content": version.content}
    return render(request, "meetings/minutes_version.html", context)
