"""What the meetings API reads and returns. Output schemas read model objects through resolvers,
so the prefetches of `selectors.meeting_detail` serve every nested list."""

from datetime import date, datetime
from typing import Any

from django.utils import timezone
from ninja import Field, Schema

from partnerskap.core.models import User

from .. import lifecycle, selectors
from ..access import body_scope
from ..models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionStatus,
    AgendaItem,
    AttendanceStatus,
    Body,
    BodyKind,
    ItemKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MemberRole,
    Minutes,
    MinutesStatus,
)

# --- schemas out ----------------------------------------------------------------------------


def _request_user(context: dict) -> User:
    return context["request"].user


class PersonOut(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(obj: User) -> str:
        return obj.display_name


class StandardItemOut(Schema):
    position: int
    title: str
    kind: ItemKind
    planned_minutes: int


class MemberOut(Schema):
    id: int
    person: PersonOut
    role: MemberRole
    represents: str
    valid_from: date
    valid_to: date | None


class BodyOut(Schema):
    id: int
    uuid: str
    name: str
    kind: BodyKind
    partnership_id: int | None
    county_id: int | None
    other_county_ids: list[int]
    national: bool
    description: str
    default_location: str
    slug: str
    publish_on_approval: bool

    @staticmethod
    def resolve_uuid(obj: Body) -> str:
        return str(obj.uuid)

    @staticmethod
    def resolve_other_county_ids(obj: Body) -> list[int]:
        return [county.pk for county in obj.other_counties.all()]


class BodyDetailOut(BodyOut):
    can_edit: bool
    members: list[MemberOut] = Field(description="Current members.")
    standard_agenda: list[StandardItemOut]

    @staticmethod
    def resolve_can_edit(obj: Body, context: dict) -> bool:
        return body_scope(_request_user(context)).can_edit(obj.pk)

    @staticmethod
    def resolve_standard_agenda(obj: Body) -> list:
        return list(obj.standard_items.all())


class MeetingOut(Schema):
    id: int
    uuid: str
    body_id: int
    name: str
    title: str
    starts_at: datetime
    ends_at: datetime
    location: str
    video_link: str
    status: MeetingStatus
    minutes_status: MinutesStatus = Field(
        description="Where the minutes stand today, deemed approval included."
    )
    revision: int

    @staticmethod
    def resolve_uuid(obj: Meeting) -> str:
        return str(obj.uuid)

    @staticmethod
    def resolve_name(obj: Meeting) -> str:
        return str(obj)

    @staticmethod
    def resolve_minutes_status(obj: Meeting) -> str:
        return lifecycle.minutes_status(obj.minutes)


class ActionOut(Schema):
    id: int
    body_id: int
    item_id: int
    item_label: str
    meeting_id: int
    title: str
    owner: PersonOut
    due_date: date
    status: ActionStatus
    progress: str
    overdue: bool
    revision: int

    @staticmethod
    def resolve_item_label(obj: ActionItem) -> str:
        return str(obj.item.label)

    @staticmethod
    def resolve_meeting_id(obj: ActionItem) -> int:
        return obj.item.meeting_id

    @staticmethod
    def resolve_overdue(obj: ActionItem) -> bool:
        return obj.status in OPEN_ACTION_STATUSES and obj.due_date < timezone.localdate()


class AttachmentOut(Schema):
    id: int
    title: str
    content_type: str
    size: int
    exempt: bool
    legal_ground: str


class ItemOut(Schema):
    id: int
    uuid: str
    label: str
    number: int
    year: int
    numbering_body_id: int
    meeting_id: int
    position: int
    starts_at: datetime | None = Field(
        description="Computed from the meeting's start, the durations and the breaks."
    )
    status: ItemStatus
    status_note: str
    kind: ItemKind
    title: str
    public_title: str
    exempt: bool
    legal_ground: str
    presenter: str
    planned_minutes: int
    background: str
    notes: str
    decision_text: str
    review_date: date | None
    forwarded_from_id: int | None
    forwarded_to_ids: list[int]
    revision: int
    attachments: list[AttachmentOut]
    actions: list[ActionOut]

    @staticmethod
    def resolve_uuid(obj: AgendaItem) -> str:
        return str(obj.uuid)

    @staticmethod
    def resolve_label(obj: AgendaItem) -> str:
        return str(obj.label)

    @staticmethod
    def resolve_starts_at(obj: AgendaItem) -> datetime | None:
        return getattr(obj, "scheduled_start", None)

    @staticmethod
    def resolve_forwarded_to_ids(obj: AgendaItem) -> list[int]:
        return [f.pk for f in obj.forwarded_to.all()]


class AttendanceOut(Schema):
    id: int
    person_id: int | None
    name: str
    represents: str
    status: AttendanceStatus


class CommentOut(Schema):
    id: int
    author: PersonOut
    item_id: int | None
    text: str
    is_objection: bool
    created_at: datetime


class VersionOut(Schema):
    number: int
    reason: str
    created_at: datetime
    created_by: PersonOut | None


class VersionContentOut(VersionOut):
    content: dict[str, Any] = Field(description="The minutes as frozen in this version.")


class MinutesOut(Schema):
    status: MinutesStatus = Field(
        description="Where the minutes stand today, deemed approval included."
    )
    recorded_status: MinutesStatus
    deemed_approved: bool
    introduction: str
    comment_deadline: date | None
    sent_for_comments_at: datetime | None
    approval_kind: str
    approved_at: datetime | None
    approved_by: PersonOut | None
    published_at: datetime | None
    comments: list[CommentOut]
    versions: list[VersionOut]

    @staticmethod
    def resolve_status(obj: Minutes) -> str:
        return lifecycle.minutes_status(obj)

    @staticmethod
    def resolve_recorded_status(obj: Minutes) -> str:
        return obj.status

    @staticmethod
    def resolve_deemed_approved(obj: Minutes) -> bool:
        return lifecycle.is_deemed_approved(obj)


class MeetingDetailOut(MeetingOut):
    can_edit: bool
    chair: PersonOut | None
    minute_taker: PersonOut | None
    breaks: list[dict[str, Any]]
    calendar_sequence: int
    cancelled_reason: str
    notice_sent_at: datetime | None
    held_at: datetime | None
    items: list[ItemOut]
    attendance: list[AttendanceOut]
    open_follow_ups: list[ActionOut] = Field(
        description="Follow-ups of the body decided before this meeting and still open."
    )
    minutes: MinutesOut

    @staticmethod
    def resolve_can_edit(obj: Meeting, context: dict) -> bool:
        return body_scope(_request_user(context)).can_edit(obj.body_id)

    @staticmethod
    def resolve_items(obj: Meeting) -> list[AgendaItem]:
        items = list(obj.items.all())
        starts = {s.item.pk: s.starts for s in selectors.agenda_schedule(obj, items) if s.item}
        for item in items:
            item.scheduled_start = starts.get(item.pk)  # type: ignore[attr-defined]
        return items

    @staticmethod
    def resolve_attendance(obj: Meeting) -> list:
        return list(obj.attendances.all())

    @staticmethod
    def resolve_open_follow_ups(obj: Meeting) -> list[ActionItem]:
        return list(selectors.open_actions(obj.body_id, before=obj.starts_at))


# --- schemas in -----------------------------------------------------------------------------


class StandardItemIn(Schema):
    title: str
    kind: ItemKind
    planned_minutes: int = Field(15, ge=0)


class BodyIn(Schema):
    name: str
    kind: BodyKind
    slug: str
    partnership_id: int | None = None
    county_id: int | None = None
    other_county_ids: list[int] = Field(
        default_factory=list, description="Other counties a county's body spans (a network)."
    )
    national: bool = Field(False, description="A body of the whole country (administrators).")
    description: str = ""
    default_location: str = ""
    standard_agenda: list[StandardItemIn] | None = Field(
        None, description="Left out: a partnership meeting gets the national standard agenda."
    )


class MemberIn(Schema):
    person_id: int
    role: MemberRole
    represents: str = ""
    valid_from: date
    valid_to: date | None = None


class BreakIn(Schema):
    at: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["12:00"])
    minutes: int = Field(30, ge=1, le=240)


class MeetingIn(Schema):
    starts_at: datetime
    ends_at: datetime
    title: str = ""
    location: str = ""
    video_link: str = ""
    chair_id: int | None = None
    minute_taker_id: int | None = None
    breaks: list[BreakIn] = []


class MeetingPatch(Schema):
    revision: int = Field(
        description="The revision you read; a newer one means someone else saved."
    )
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    title: str | None = None
    location: str | None = None
    video_link: str | None = None
    chair_id: int | None = None
    minute_taker_id: int | None = None
    breaks: list[BreakIn] | None = None


class ReasonIn(Schema):
    reason: str


class AttendanceEntryIn(Schema):
    id: int
    status: AttendanceStatus


class AttendanceIn(Schema):
    attendance: list[AttendanceEntryIn] = []
    guests: list[str] = []


class ItemIn(Schema):
    title: str
    kind: ItemKind
    public_title: str = ""
    exempt: bool = False
    legal_ground: str = ""
    presenter: str = ""
    planned_minutes: int = Field(15, ge=0)
    background: str = ""


class ItemPatch(Schema):
    revision: int = Field(
        description="The revision you read; a newer one means someone else saved."
    )
    title: str | None = None
    kind: ItemKind | None = None
    public_title: str | None = None
    exempt: bool | None = None
    legal_ground: str | None = None
    presenter: str | None = None
    planned_minutes: int | None = Field(None, ge=0)
    background: str | None = None
    notes: str | None = None
    decision_text: str | None = None
    review_date: date | None = None


class OrderIn(Schema):
    item_ids: list[int]


class TargetIn(Schema):
    meeting_id: int


class ActionIn(Schema):
    title: str
    owner_id: int
    due_date: date


class ActionPatch(Schema):
    revision: int = Field(description="The follow-up's revision you read.")
    status: ActionStatus | None = None
    progress: str | None = None
    due_date: date | None = None


class MinutesIn(Schema):
    revision: int = Field(description="The meeting's revision you read.")
    introduction: str


class DeadlineIn(Schema):
    deadline: date


class CommentIn(Schema):
    text: str
    is_objection: bool = False
    item_id: int | None = None


class ItemCorrectionIn(Schema):
    item_id: int
    title: str | None = None
    notes: str | None = None
    decision_text: str | None = None
    review_date: date | None = None


class CorrectionIn(Schema):
    reason: str
    introduction: str | None = None
    items: list[ItemCorrectionIn] = []


class ConflictOut(Schema):
    detail: str = Field(
        description="Someone else saved first: reload, then make your change again."
    )
