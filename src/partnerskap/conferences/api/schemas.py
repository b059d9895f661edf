"""The conferences API's schemas. Every name starts with the app's concept (Event, Session,
Registration, Survey …) because schema names must be unique across the whole API."""

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from partnerskap.core.api import ClockTime


class EventOut(Schema):
    id: int
    title: str
    slug: str
    kind: str
    first_day: date
    last_day: date
    place: str
    organiser_county_id: int | None
    organiser_partnership_id: int | None
    capacity: int | None
    registered: int = 0
    waitlisted: int = 0


class EventCountsOut(Schema):
    registered: int
    offered: int
    waitlisted: int
    cancelled: int
    places_left: int | None


class EventDetailOut(Schema):
    id: int
    uuid: str
    title: str
    slug: str
    kind: str
    description: str
    organiser_county_id: int | None
    organiser_partnership_id: int | None
    co_organisers: str
    following_body_id: int | None
    first_day: date
    last_day: date
    place: str
    address: str
    capacity: int | None
    audience: str
    audience_municipality_ids: list[int]
    registration_mode: str
    registration_opens: datetime | None
    registration_closes: datetime
    late_registration: bool
    questions: list[str]
    contact_email: str
    offer_hours: int
    retention_days: int
    published_at: datetime | None
    personal_data_deleted_at: datetime | None
    programme_version: int | None
    revision: int
    counts: EventCountsOut


class EventIn(Schema):
    title: str
    slug: str
    kind: str = "conference"
    organiser_county_id: int | None = None
    organiser_partnership_id: int | None = None
    description: str = ""
    co_organisers: str = ""
    following_body_id: int | None = None
    first_day: date
    last_day: date
    place: str
    address: str = ""
    capacity: int | None = Field(default=None, ge=1)
    audience: str = ""
    audience_municipality_ids: list[int] = []
    registration_mode: str = "public"
    registration_opens: datetime | None = None
    registration_closes: datetime
    late_registration: bool = False
    questions: list[str] = []
    contact_email: str = ""
    offer_hours: int = 72
    retention_days: int = 90


class EventPatch(Schema):
    revision: int
    title: str | None = None
    kind: str | None = None
    description: str | None = None
    co_organisers: str | None = None
    following_body_id: int | None = None
    first_day: date | None = None
    last_day: date | None = None
    place: str | None = None
    address: str | None = None
    capacity: int | None = Field(default=None, ge=1)
    audience: str | None = None
    audience_municipality_ids: list[int] | None = None
    registration_mode: str | None = None
    registration_opens: datetime | None = None
    late_registration: bool | None = None
    questions: list[str] | None = None
    contact_email: str | None = None
    offer_hours: int | None = None
    retention_days: int | None = None


class EventDeadlineIn(Schema):
    revision: int
    registration_closes: datetime


class EventConflictOut(Schema):
    detail: str


# --- the programme --------------------------------------------------------------------------


class SessionPersonOut(Schema):
    name: str
    job_title: str
    organisation: str


class SessionOut(Schema):
    id: int
    day: date
    starts: ClockTime
    ends: ClockTime
    title: str
    kind: str
    track: str
    description: str
    moderator_id: int | None
    speaker_ids: list[int]
    revision: int


class SessionSpeakerIn(Schema):
    """A speaker from outside the registry, recorded as a person without a login."""

    first_name: str
    last_name: str = ""
    job_title: str = ""
    organisation: str = ""


class SessionIn(Schema):
    day: date
    starts: ClockTime
    ends: ClockTime
    title: str
    kind: str = "talk"
    track: str = ""
    description: str = ""
    moderator_id: int | None = None
    speaker_ids: list[int] = []
    new_speakers: list[SessionSpeakerIn] = []


class SessionPatch(Schema):
    revision: int
    day: date | None = None
    starts: ClockTime | None = None
    ends: ClockTime | None = None
    title: str | None = None
    kind: str | None = None
    track: str | None = None
    description: str | None = None
    moderator_id: int | None = None
    speaker_ids: list[int] | None = None
    new_speakers: list[SessionSpeakerIn] = []


class ProgrammeOut(Schema):
    """The working programme (`draft`), the sessions behind it, and the latest publication."""

    event_id: int
    draft: dict[str, Any]
    sessions: list[SessionOut]
    published_version: int | None
    unpublished_changes: bool


class ProgrammePublishIn(Schema):
    note: str = ""


class ProgrammeVersionOut(Schema):
    number: int
    published_at: datetime = Field(alias="created_at")
    note: str
    content: dict[str, Any]


# --- registrations --------------------------------------------------------------------------


class RegistrationIn(Schema):
    name: str
    email: str
    organisation: str = ""
    municipality_id: int | None = None
    job_title: str = ""
    days: list[date] = []
    dinner: bool | None = None
    dietary_needs: str = ""
    accessibility_needs: str = ""


class RegistrationOut(Schema):
    id: int
    status: str
    name: str
    email: str
    organisation: str
    municipality_id: int | None
    job_title: str
    days: list[date]
    dinner: bool | None
    dietary_needs: str
    accessibility_needs: str
    offer_expires_at: datetime | None
    cancel_reason: str


class EventMunicipalityOut(Schema):
    municipality_id: int
    number: str
    name: str
    registered: int
    waitlisted: int
    reminded_at: datetime | None


class EventOtherOrganisationOut(Schema):
    organisation: str
    registered: int
    waitlisted: int


class EventOrganisationsOut(Schema):
    municipalities: list[EventMunicipalityOut]
    without_registrations: list[int]
    others: list[EventOtherOrganisationOut]


class EventRemindOut(Schema):
    reminded_municipality_ids: list[int]


class InvitationIn(Schema):
    name: str
    email: str
    organisation: str = ""
    municipality_id: int | None = None


class InvitationOut(Schema):
    id: int
    name: str
    email: str
    organisation: str
    municipality_id: int | None


class CheckInRowOut(Schema):
    registration_id: int
    name: str
    organisation: str
    checked_in: bool


class CheckInIn(Schema):
    registration_id: int
    day: date
    present: bool = True


class CheckInOut(Schema):
    registration_id: int
    day: date
    checked_in: bool
    arrived: int


# --- the evaluation -------------------------------------------------------------------------


class SurveyIn(Schema):
    title: str
    introduction: str = ""
    anonymous: bool = True
    with_default_questions: bool = True


class SurveyPatch(Schema):
    revision: int
    title: str
    introduction: str = ""
    anonymous: bool = True


class SurveyQuestionIn(Schema):
    kind: str
    text: str
    required: bool = False
    choices: list[str] = []


class SurveyQuestionOut(Schema):
    id: int
    position: int
    kind: str
    text: str
    required: bool
    choices: list[str]


class SurveyAnswerCountOut(Schema):
    answer: str
    count: int


class SurveyResultOut(Schema):
    question_id: int
    answered: int
    counts: list[SurveyAnswerCountOut]
    mean: float | None
    texts: list[str]


class SurveyOut(Schema):
    id: int
    title: str
    introduction: str
    anonymous: bool
    status: str
    reminder_sent_at: datetime | None
    revision: int
    questions: list[SurveyQuestionOut]
    responses: int
    invited: int
    not_answered: int
    results: list[SurveyResultOut]


class SurveyRemindOut(Schema):
    reminded: int


class SurveyAttachIn(Schema):
    item_id: int
    title: str = ""


class SurveyAttachOut(Schema):
    attachment_id: int
    item_id: int
    meeting_id: int


# --- public ---------------------------------------------------------------------------------


class PublicEventOut(Schema):
    title: str
    slug: str
    kind: str
    description: str
    organiser: str
    co_organisers: str
    first_day: date
    last_day: date
    place: str
    address: str
    audience: str
    registration_closes: datetime
    registration_open: bool
    places_left: int | None
    programme_version: int
    programme: dict[str, Any]


class ParticipantOut(Schema):
    token: str
    event: str
    status: str
    name: str
    email: str
    organisation: str
    job_title: str
    days: list[date]
    offer_expires_at: datetime | None


class PublicSurveyOut(Schema):
    title: str
    introduction: str
    anonymous: bool
    questions: list[SurveyQuestionOut]


class SurveyAnswersIn(Schema):
    """Answers by question id: 1–5, true/false, a choice, a list of choices, or text."""

    answers: dict[int, Any]


class SurveyAnsweredOut(Schema):
    answered: bool
