"""The minutes as plain data: what pages, documents, versions and the API render."""

from django.utils import timezone

from partnerskap.core.models import User

from .. import lifecycle
from ..models import (
    ActionItem,
    AgendaItem,
    ApprovalKind,
    ItemKind,
    Meeting,
)
from .base import agenda_schedule, meeting_detail, open_actions


def _person(user: User | None) -> str:
    """A person as the documents name them: with their organisation, if they have one."""
    if user is None:
        return ""
    if user.organisation:
        return f"{user.display_name} ({user.organisation})"
    return user.display_name


def _schedule(meeting: Meeting, items: list[AgendaItem]) -> tuple[dict[int, str], list[dict]]:
    """Each active item's computed start ("HH:MM"), and the breaks, each tied to the item it
    comes before, so a document can print the agenda without the meeting object."""
    starts: dict[int, str] = {}
    breaks: list[dict] = []
    waiting: list[dict] = []
    for slot in agenda_schedule(meeting, items):
        at = slot.starts.strftime("%H:%M")
        if slot.item is None:
            waiting.append({"start": at, "minutes": slot.minutes})
            continue
        breaks += [{**b, "before_item": slot.item.pk} for b in waiting]
        waiting = []
        starts[slot.item.pk] = at
    return starts, breaks


def _approval(meeting: Meeting) -> dict:
    """Where the minutes stand, for the status line of the documents. Deemed approval counts
    as soon as it is true, even before the nightly job records it."""
    minutes = meeting.minutes
    status = lifecycle.minutes_status(minutes)
    deemed = lifecycle.is_deemed_approved(minutes)
    approved_at = lifecycle.deemed_approved_at(minutes) if deemed else minutes.approved_at
    return {
        "status": status,
        "kind": ApprovalKind.DEEMED.value if deemed else minutes.approval_kind,
        "approved_at": timezone.localdate(approved_at).isoformat() if approved_at else None,
        "approved_by": _person(minutes.approved_by),
        "comment_deadline": (
            minutes.comment_deadline.isoformat() if minutes.comment_deadline else None
        ),
        "recorded_afterwards": minutes.recorded_afterwards,
    }


def _item_entry(item: AgendaItem, start: str | None, carried: list[ActionItem]) -> dict:
    """One agenda item of the minutes as plain data."""
    entry = {
        "id": item.pk,
        "label": item.label,
        "number": item.number,
        "year": item.year,
        "kind": item.kind,
        "kind_display": str(item.get_kind_display()),
        "status": item.status,
        "status_note": item.status_note,
        "title": item.title,
        "public_title": item.shown_publicly_as,
        "exempt": item.exempt,
        "legal_ground": item.legal_ground,
        "presenter": item.presenter,
        "planned_minutes": item.planned_minutes,
        "start": start,
        "background": item.background,
        "background_in_minutes": item.background_in_minutes,
        "notes": item.notes,
        "decision": item.decision_text,
        "review_date": item.review_date.isoformat() if item.review_date else None,
        "actions": [
            {
                "title": a.title,
                "owner": _person(a.owner),
                "due_date": a.due_date.isoformat(),
                "status": a.status,
                "status_display": str(a.get_status_display()),
            }
            for a in item.actions.all()
        ],
        "attachments": [
            {"id": a.pk, "title": a.title, "exempt": a.exempt} for a in item.attachments.all()
        ],
    }
    if item.kind == ItemKind.FOLLOW_UPS:
        entry["carried_actions"] = [
            {
                "title": a.title,
                "owner": _person(a.owner),
                "due_date": a.due_date.isoformat(),
                "status_display": str(a.get_status_display()),
                "from": a.item.label,
                "exempt": a.item.exempt,
            }
            for a in carried
        ]
    return entry


def minutes_content(meeting: Meeting) -> dict:
    """The minutes as plain data: what documents render and what a version freezes."""
    meeting = meeting_detail(meeting)
    carried = list(open_actions(meeting.body_id, before=meeting.starts_at))
    local = timezone.localtime(meeting.starts_at)
    agenda = list(meeting.items.all())
    starts, breaks = _schedule(meeting, agenda)
    items = [_item_entry(item, starts.get(item.pk), carried) for item in agenda]
    return {
        "meeting_id": meeting.pk,
        "uuid": str(meeting.uuid),
        "body": meeting.body.name,
        "title": str(meeting),
        "date": local.date().isoformat(),
        "starts": local.strftime("%H:%M"),
        "ends": timezone.localtime(meeting.ends_at).strftime("%H:%M"),
        "location": meeting.location,
        "video_link": meeting.video_link,
        "chair": _person(meeting.chair),
        "minute_taker": _person(meeting.minute_taker),
        "introduction": meeting.minutes.introduction,
        "approval": _approval(meeting),
        "breaks": breaks,
        "attendance": [
            {
                "name": a.name,
                "represents": a.represents or (a.person.organisation if a.person else ""),
                "status": a.status,
                "status_display": str(a.get_status_display()),
            }
            for a in meeting.attendances.all()
        ],
        "items": items,
    }


def strip_exempt(content: dict) -> dict:
    """The public form of minutes content: exempt items keep only their number, public title and
    legal ground; exempt attachments and the video link are left out."""
    public_items = []
    for item in content["items"]:
        if item["exempt"]:
            public_items.append(
                {
                    "id": item["id"],
                    "label": item["label"],
                    "number": item["number"],
                    "year": item["year"],
                    "kind": item["kind"],
                    "kind_display": item["kind_display"],
                    "status": item["status"],
                    "status_note": "",
                    "title": item["public_title"],
                    "public_title": item["public_title"],
                    "exempt": True,
                    "legal_ground": item["legal_ground"],
                    "presenter": "",
                    "planned_minutes": item["planned_minutes"],
                    "start": item.get("start"),
                    "background": "",
                    "notes": "",
                    "decision": "",
                    "review_date": None,
                    "actions": [],
                    "attachments": [],
                }
            )
        else:
            public_items.append(
                {
                    **item,
                    "attachments": [a for a in item["attachments"] if not a["exempt"]],
                }
            )
            if "carried_actions" in item:
                public_items[-1]["carried_actions"] = [
                    a for a in item["carried_actions"] if not a.get("exempt")
                ]
    return {**content, "video_link": "", "items": public_items}


def approved_content(meeting: Meeting) -> dict:
    """The latest frozen version if there is one, else the live minutes (deemed approval that
    no scheduled job has recorded yet, or minutes not yet approved)."""
    version = meeting.minutes.versions.order_by("-number").first()
    return version.content if version is not None else minutes_content(meeting)
