"""The minutes in the JSON API: introduction, comments, approval, publication and versions, on the
same router as the rest of the meetings API (registered when `meetings.api` is imported)."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Status

from .. import selectors, services
from ..models import Meeting, MinutesComment, MinutesVersion
from .routes import CHANGED, _meeting_out, _no_such, router
from .schemas import (
    CommentIn,
    CommentOut,
    CorrectionIn,
    DeadlineIn,
    MeetingDetailOut,
    MinutesIn,
    VersionContentOut,
    VersionOut,
)

# --- minutes --------------------------------------------------------------------------------


@router.put(
    "/meetings/{meeting_id}/minutes",
    response=CHANGED,
    summary="Write the introduction of the minutes (give the meeting's revision)",
)
def minutes_update(request: HttpRequest, meeting_id: int, payload: MinutesIn) -> Meeting:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    services.minutes_update(
        actor=request.user,
        meeting=meeting,
        revision=payload.revision,
        introduction=payload.introduction,
    )
    return _meeting_out(meeting)


@router.post(
    "/meetings/{meeting_id}/minutes/send-for-comments",
    response=MeetingDetailOut,
    summary="Send the minutes for comments, with a deadline",
)
def minutes_send_for_comments(
    request: HttpRequest, meeting_id: int, payload: DeadlineIn
) -> Meeting:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    services.minutes_send_for_comments(
        actor=request.user, meeting=meeting, deadline=payload.deadline
    )
    return _meeting_out(meeting)


@router.post(
    "/meetings/{meeting_id}/minutes/comments",
    response={201: CommentOut},
    summary="Comment on minutes out for comments, or object to them",
)
def minutes_comment(
    request: HttpRequest, meeting_id: int, payload: CommentIn
) -> Status[MinutesComment]:
    meeting = selectors.meeting_for_user(request.user, meeting_id)
    item = None
    if payload.item_id is not None:
        item = meeting.items.filter(pk=payload.item_id).first()
        if item is None:
            raise _no_such("item_id", payload.item_id)
    comment = services.minutes_comment(
        actor=request.user,
        meeting=meeting,
        text=payload.text,
        is_objection=payload.is_objection,
        item=item,
    )
    return Status(201, comment)


@router.post(
    "/meetings/{meeting_id}/minutes/approve",
    response=MeetingDetailOut,
    summary="Approve the minutes: they are frozen as version 1",
)
def minutes_approve(request: HttpRequest, meeting_id: int) -> Meeting:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    services.minutes_approve(actor=request.user, meeting=meeting)
    return _meeting_out(meeting)


@router.post(
    "/meetings/{meeting_id}/minutes/publish",
    response=MeetingDetailOut,
    summary="Publish approved minutes on the public page",
)
def minutes_publish(request: HttpRequest, meeting_id: int) -> Meeting:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    services.minutes_publish(actor=request.user, meeting=meeting)
    return _meeting_out(meeting)


@router.get(
    "/meetings/{meeting_id}/minutes/versions",
    response=list[VersionOut],
    summary="Every frozen version of the minutes, newest first",
)
def minutes_versions(request: HttpRequest, meeting_id: int) -> QuerySet[MinutesVersion]:
    meeting = selectors.meeting_for_user(request.user, meeting_id)
    return meeting.minutes.versions.select_related("created_by").order_by("-number")


@router.post(
    "/meetings/{meeting_id}/minutes/versions",
    response={201: VersionContentOut},
    summary="Correct approved minutes: a new version with the reason",
)
def minutes_correct(
    request: HttpRequest, meeting_id: int, payload: CorrectionIn
) -> Status[MinutesVersion]:
    meeting = selectors.meeting_for_user(request.user, meeting_id, change=True)
    changes = {}
    for entry in payload.items:
        fields = entry.dict(exclude_unset=True)
        changes[fields.pop("item_id")] = fields
    known = set(meeting.items.filter(pk__in=changes).values_list("pk", flat=True))
    for pk in sorted(set(changes) - known):
        raise _no_such("items", pk)
    version = services.minutes_correct(
        actor=request.user,
        meeting=meeting,
        reason=payload.reason,
        item_changes=changes,
        introduction=payload.introduction,
    )
    return Status(201, version)


@router.get(
    "/minutes/versions/{version_id}",
    response=VersionContentOut,
    summary="One version of a meeting's minutes, as frozen",
)
def minutes_version(request: HttpRequest, version_id: int) -> MinutesVersion:
    return selectors.minutes_version_for_user(request.user, version_id)
