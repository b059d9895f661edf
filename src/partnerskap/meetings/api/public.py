"""Published minutes for everyone, without login, in a shape close to OParl 1.1 (oparl.org):
Organization (our body), Meeting and AgendaItem objects whose ids are URLs. Built only from
`selectors.public_meetings` and the exempt-stripped approved content, so an exempt item shows its
number and public title and nothing else."""

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from .. import selectors
from ..models import AttendanceStatus, Body, ItemStatus, Meeting, MeetingStatus

# auth=None on the router overrides the API's default authentication for every route on it.
public_router = Router(auth=None)

OPARL = "https://schema.oparl.org/1.1/"


def _url(context: dict, name: str, **kwargs: object) -> str:
    return context["request"].build_absolute_uri(reverse(f"api:{name}", kwargs=kwargs))


def _page(context: dict, name: str, *args: object) -> str:
    """A public page or download of the meetings app, as an absolute URL."""
    return context["request"].build_absolute_uri(reverse(f"meetings:{name}", args=args))


class OParlLocation(Schema):
    type: str = OPARL + "Location"
    description: str


class OParlFile(Schema):
    type: str = OPARL + "File"
    name: str
    accessUrl: str


class OParlAgendaItem(Schema):
    id: str
    type: str = OPARL + "AgendaItem"
    meeting: str
    number: str
    order: int
    name: str
    public: bool
    result: str | None = None
    resolutionText: str | None = None
    auxiliaryFile: list[OParlFile] | None = None


class OParlOrganization(Schema):
    id: str
    type: str = OPARL + "Organization"
    name: str
    classification: str
    meeting: str
    created: datetime
    modified: datetime

    @staticmethod
    def resolve_id(obj: Body, context: dict) -> str:
        return _url(context, "public_body", slug=obj.slug)

    @staticmethod
    def resolve_classification(obj: Body) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_meeting(obj: Body, context: dict) -> str:
        return _url(context, "public_body_meetings", slug=obj.slug)

    @staticmethod
    def resolve_created(obj: Body) -> datetime:
        return obj.created_at

    @staticmethod
    def resolve_modified(obj: Body) -> datetime:
        return obj.updated_at


class OParlMeeting(Schema):
    id: str
    type: str = OPARL + "Meeting"
    name: str
    meetingState: str
    cancelled: bool = False
    start: datetime
    end: datetime
    location: OParlLocation | None = None
    organization: list[str]
    created: datetime
    modified: datetime

    @staticmethod
    def resolve_id(obj: Meeting, context: dict) -> str:
        return _url(context, "public_meeting", meeting_uuid=obj.uuid)

    @staticmethod
    def resolve_name(obj: Meeting) -> str:
        return str(obj)

    @staticmethod
    def resolve_meetingState(obj: Meeting) -> str:
        # Only public meetings get here: published, or deemed approved by a body that publishes
        # on approval, which is published too though no job has recorded it yet.
        return str(MeetingStatus.PUBLISHED.label)

    @staticmethod
    def resolve_start(obj: Meeting) -> datetime:
        return obj.starts_at

    @staticmethod
    def resolve_end(obj: Meeting) -> datetime:
        return obj.ends_at

    @staticmethod
    def resolve_location(obj: Meeting) -> dict | None:
        return {"description": obj.location} if obj.location else None

    @staticmethod
    def resolve_organization(obj: Meeting, context: dict) -> list[str]:
        return [_url(context, "public_body", slug=obj.body.slug)]

    @staticmethod
    def resolve_created(obj: Meeting) -> datetime:
        return obj.created_at

    @staticmethod
    def resolve_modified(obj: Meeting) -> datetime:
        return obj.updated_at


def _oparl_item(meeting_url: str, order: int, item: dict, file_url: Callable[[int], str]) -> dict:
    """Exempt items show their number and public title only: nothing internal leaves."""
    out = {
        "id": f"{meeting_url}#sak-{item['number']}-{item['year']}",
        "meeting": meeting_url,
        "number": f"{item['number']}/{item['year'] % 100:02d}",
        "order": order,
        "name": item["public_title"] if item["exempt"] else item["title"],
        "public": not item["exempt"],
    }
    if item["exempt"]:
        return out
    return {
        **out,
        "result": (item["status_note"] if item["status"] != ItemStatus.ACTIVE else "") or None,
        "resolutionText": item["decision"] or None,
        "auxiliaryFile": [
            {"name": a["title"], "accessUrl": file_url(a["id"])}
            for a in item["attachments"]
            if not a["exempt"]
        ],
    }


class OParlPerson(Schema):
    type: str = OPARL + "Person"
    name: str
    affiliation: str = Field(
        "", description="The organisation the person came from or represented (extension)."
    )


def _public_content(meeting: Meeting) -> dict:
    """The published minutes, computed once per meeting for the fields that need them."""
    cached = getattr(meeting, "_public_content", None)
    if cached is None:
        cached = selectors.strip_exempt(selectors.approved_content(meeting))
        meeting._public_content = cached  # type: ignore[attr-defined]
    return cached


class OParlMeetingDetail(OParlMeeting):
    resultsProtocol: OParlFile
    agendaItem: list[OParlAgendaItem]
    participant: list[OParlPerson]

    @staticmethod
    def resolve_participant(obj: Meeting) -> list[dict]:
        """Who took part, members and guests alike, each with their organisation: people without
        a login are people all the same (docs/decisions/0020)."""
        return [
            {"name": a["name"], "affiliation": a["represents"]}
            for a in _public_content(obj)["attendance"]
            if a["status"] in (AttendanceStatus.PRESENT, AttendanceStatus.GUEST)
        ]

    @staticmethod
    def resolve_resultsProtocol(obj: Meeting, context: dict) -> dict:
        url = _page(context, "public_minutes_pdf", obj.body.slug, obj.pk)
        return {"name": str(obj), "accessUrl": url}

    @staticmethod
    def resolve_agendaItem(obj: Meeting, context: dict) -> list[dict]:
        content = _public_content(obj)
        meeting_url = _url(context, "public_meeting", meeting_uuid=obj.uuid)

        def file_url(attachment_id: int) -> str:
            return _page(context, "public_attachment", obj.body.slug, obj.pk, attachment_id)

        return [
            _oparl_item(meeting_url, n, item, file_url)
            for n, item in enumerate(content["items"], 1)
        ]


def _public_bodies() -> QuerySet[Body]:
    """Bodies with at least one meeting whose minutes are public."""
    public = selectors.public_meetings(Body.objects.all()).order_by().values("body_id")
    return Body.objects.filter(pk__in=public).order_by("name")


def _public_body(slug: str) -> Body:
    body = _public_bodies().filter(slug=slug).first()
    if body is None:
        raise Http404
    return body


@public_router.get(
    "/bodies",
    response=list[OParlOrganization],
    url_name="public_bodies",
    summary="Bodies with published minutes (OParl Organization)",
)
@paginate(PageNumberPagination)
def public_bodies(request: HttpRequest) -> QuerySet[Body]:
    return _public_bodies()


@public_router.get(
    "/bodies/{slug}",
    response=OParlOrganization,
    url_name="public_body",
    summary="One body with published minutes, by the address of its public page",
)
def public_body(request: HttpRequest, slug: str) -> Body:
    return _public_body(slug)


@public_router.get(
    "/bodies/{slug}/meetings",
    response=list[OParlMeeting],
    url_name="public_body_meetings",
    summary="A body's meetings with published minutes, newest first",
)
@paginate(PageNumberPagination)
def public_body_meetings(request: HttpRequest, slug: str) -> QuerySet[Meeting]:
    return selectors.public_meetings(Body.objects.filter(pk=_public_body(slug).pk))


@public_router.get(
    "/meetings/{meeting_uuid}",
    response=OParlMeetingDetail,
    url_name="public_meeting",
    exclude_none=True,
    summary="A meeting's published minutes (OParl Meeting), by its permanent UUID",
)
def public_meeting(request: HttpRequest, meeting_uuid: UUID) -> Meeting:
    meeting = selectors.public_meetings(Body.objects.all()).filter(uuid=meeting_uuid).first()
    if meeting is None:
        raise Http404
    return meeting
