"""The registers: every decision and every follow-up a person may read, filtered by partnership,
body, county, status, owner, due date, year and text — the "beslutningslogg" a partnership keeps
by hand today. Each row links to the meeting and item where it was made."""

from datetime import date

from django.db.models import Q, QuerySet

from partnerskap.core.models import User
from partnerskap.meetings.access import body_scope
from partnerskap.meetings.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    AgendaItem,
    Body,
    ItemStatus,
)
from partnerskap.registry.models import OwnerKind

OVERDUE = "overdue"


def readable_bodies(user: User) -> QuerySet[Body]:
    scope = body_scope(user)
    bodies = Body.objects.select_related("partnership", "county").order_by("name")
    return bodies if scope.is_admin else bodies.filter(id__in=scope.readable)


def _in_county(county_id: int, prefix: str) -> Q:
    """Bodies of the county itself, and of partnerships whose state owner is the county."""
    in_partnerships = Body.objects.filter(
        partnership__owners__kind=OwnerKind.STATE, partnership__owners__county_id=county_id
    ).values("id")
    return Q(**{f"{prefix}county_id": county_id}) | Q(**{f"{prefix}id__in": in_partnerships})


def _common(qs: QuerySet, data: dict, prefix: str, item: str) -> QuerySet:
    if data.get("partnership"):
        qs = qs.filter(**{f"{prefix}partnership_id": data["partnership"]})
    if data.get("body"):
        qs = qs.filter(**{f"{prefix}id": data["body"]})
    if data.get("county"):
        qs = qs.filter(_in_county(data["county"], prefix))
    if data.get("year"):
        qs = qs.filter(**{f"{item}meeting__starts_at__year": data["year"]})
    return qs


def follow_up_register(user: User, data: dict, today: date) -> QuerySet[ActionItem]:
    qs = ActionItem.objects.filter(body__in=readable_bodies(user).values("id"))
    qs = _common(qs, data, "body__", "item__")
    status = data.get("status")
    if status == OVERDUE:
        qs = qs.filter(status__in=OPEN_ACTION_STATUSES, due_date__lt=today)
    elif status:
        qs = qs.filter(status=status)
    if data.get("owner"):
        text = data["owner"]
        qs = qs.filter(
            Q(owner__first_name__icontains=text)
            | Q(owner__last_name__icontains=text)
            | Q(owner__username__icontains=text)
        )
    if data.get("due_from"):
        qs = qs.filter(due_date__gte=data["due_from"])
    if data.get("due_to"):
        qs = qs.filter(due_date__lte=data["due_to"])
    if data.get("q"):
        qs = qs.filter(Q(title__icontains=data["q"]) | Q(progress__icontains=data["q"]))
    return qs.select_related("owner", "body", "item", "item__meeting").order_by("due_date", "pk")


def decision_register(user: User, data: dict) -> QuerySet[AgendaItem]:
    qs = AgendaItem.objects.filter(
        meeting__body__in=readable_bodies(user).values("id"), status=ItemStatus.ACTIVE
    ).exclude(decision_text="")
    qs = _common(qs, data, "meeting__body__", "")
    if data.get("q"):
        qs = qs.filter(Q(title__icontains=data["q"]) | Q(decision_text__icontains=data["q"]))
    return qs.select_related("meeting", "meeting__body").order_by("-meeting__starts_at", "position")
