"""Reads for the archive and the public pages, each a fixed number of queries."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from partnerskap.core.models import RoleKind, User
from partnerskap.meetings.models import (
    AgendaItem,
    Body,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from partnerskap.meetings.selectors import body_for_user, public_meetings_q
from partnerskap.registry.access import access_scope
from partnerskap.registry.models import Role

# Who may take a body's meetings out to the archive (docs/decisions/0047): administrators and
# the owners' representatives of the body's partnership, or the state owner of its county.
ARCHIVE_ROLES = (RoleKind.MUNICIPAL_OWNER, RoleKind.STATE_OWNER)


def archive_body_for_user(user: User, pk: int) -> Body:
    """A body the person may extract: 404 if they may not read it, 403 if they may read it but
    are not among its owners."""
    body = body_for_user(user, pk)
    if access_scope(user).is_admin:
        return body
    owners = Role.objects.current().filter(person=user, kind__in=ARCHIVE_ROLES)
    if body.partnership_id is not None:
        county_ids = body.partnership.owners.filter(kind="state").values("county_id")
        allowed = owners.filter(
            Q(partnership_id=body.partnership_id)
            | Q(kind=RoleKind.STATE_OWNER, county_id__in=county_ids)
        )
    else:
        allowed = owners.filter(kind=RoleKind.STATE_OWNER, county_id=body.county_id)
    if not allowed.exists():
        raise PermissionDenied
    return body


def extractable_bodies(user: User) -> QuerySet[Body]:
    """The bodies whose meetings the person may extract (the rule of `archive_body_for_user`),
    each with its count of closed meetings, in one query."""
    bodies = Body.objects.all()
    if not access_scope(user).is_admin:
        owners = Role.objects.current().filter(person=user, kind__in=ARCHIVE_ROLES)
        partnership_ids = owners.exclude(partnership_id=None).values("partnership_id")
        county_ids = owners.filter(kind=RoleKind.STATE_OWNER).values("county_id")
        bodies = bodies.filter(
            Q(partnership_id__in=partnership_ids)
            | Q(partnership__owners__kind="state", partnership__owners__county_id__in=county_ids)
            | Q(partnership=None, county_id__in=county_ids)
        ).distinct()
    closed = (
        Meeting.objects.filter(
            body=OuterRef("pk"),
            minutes__status__in=(MinutesStatus.APPROVED, MinutesStatus.PUBLISHED),
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by()
        .values("body")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        bodies.annotate(closed_count=Coalesce(Subquery(closed), 0))
        .select_related("partnership", "county")
        .order_by("county__name", "partnership__name", "name")
    )


# --- public -----------------------------------------------------------------------------------

UPCOMING_DAYS = 120
# Only agendas whose notice has gone out are public: a planned agenda is still a draft.
UPCOMING_STATUSES = (MeetingStatus.NOTICE_SENT,)


def upcoming_q() -> Q:
    now = timezone.now()
    return Q(
        starts_at__gte=now,
        starts_at__lt=now + timedelta(days=UPCOMING_DAYS),
        status__in=UPCOMING_STATUSES,
    )


def public_bodies() -> QuerySet[Body]:
    """Bodies with published minutes or a coming meeting: those the public has something to
    read about. With their counts, in one query."""
    published = Meeting.objects.filter(public_meetings_q(), body=OuterRef("pk")).exclude(
        status=MeetingStatus.CANCELLED
    )
    upcoming = Meeting.objects.filter(upcoming_q(), body=OuterRef("pk"))
    return (
        Body.objects.annotate(has_minutes=Exists(published), has_upcoming=Exists(upcoming))
        .filter(Q(has_minutes=True) | Q(has_upcoming=True))
        .select_related("partnership", "county")
        .order_by("county__name", "partnership__name", "name")
    )


def public_items() -> Prefetch:
    """The agenda as the public sees it: exempt items by their public title only (the
    template shows `shown_publicly_as` and nothing else of an exempt item)."""
    return Prefetch(
        "items",
        queryset=AgendaItem.objects.exclude(status=ItemStatus.WITHDRAWN)
        .only(
            "id",
            "meeting_id",
            "number",
            "year",
            "title",
            "public_title",
            "exempt",
            "kind",
            "position",
            "legal_ground",
            "status",
        )
        .order_by("position"),
        to_attr="public_agenda",
    )


def upcoming_meetings(body: Body | None = None) -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(upcoming_q()).select_related("body")
    if body is not None:
        meetings = meetings.filter(body=body)
    return meetings.order_by("starts_at", "pk")


def upcoming_meeting(body: Body, pk: int) -> Meeting:
    meeting = upcoming_meetings(body).filter(pk=pk).prefetch_related(public_items()).first()
    if meeting is None:
        raise Http404
    return meeting


def feed_meetings(body: Body, limit: int = 30) -> list[Meeting]:
    """The body's latest published minutes and coming meetings, newest first, for its feed."""
    meetings = (
        Meeting.objects.filter(body=body)
        .filter(public_meetings_q() | upcoming_q())
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body", "minutes")
        .annotate(item_count=Count("items", distinct=True))
        .distinct()
        .order_by("-starts_at")[:limit]
    )
    return list(meetings)
