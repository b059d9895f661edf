"""Small helpers on icalendar for RFC 5545 invitations (RFC 5546 METHOD) and calendar feeds."""

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from icalendar import Calendar, Event, vCalAddress

PRODID = "-//NAV//Partnerskap//NO"


def uid_for(uuid: UUID | str) -> str:
    """The record's permanent UUID makes the UID, so a changed or cancelled meeting replaces the
    invitation already in people's calendars instead of adding another."""
    return f"{uuid}@partnerskap"


def new_calendar(*, method: str | None = None, name: str | None = None) -> Calendar:
    """A calendar; `method` (REQUEST, CANCEL) for e-mailed invitations, none for a feed."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


@dataclass(frozen=True)
class EventData:
    uid: str
    sequence: int
    starts: datetime
    ends: datetime
    stamp: datetime
    summary: str
    location: str = ""
    url: str = ""
    description: str = ""
    cancelled: bool = False
    organizer_email: str = ""
    organizer_name: str = ""


def _utc(moment: datetime) -> datetime:
    """UTC times need no VTIMEZONE, which some clients handle badly."""
    return moment.astimezone(UTC)


def new_event(data: EventData) -> Event:
    event = Event()
    event.add("uid", data.uid)
    event.add("sequence", data.sequence)
    event.add("dtstamp", _utc(data.stamp))
    event.add("dtstart", _utc(data.starts))
    event.add("dtend", _utc(data.ends))
    event.add("summary", data.summary)
    event.add("status", "CANCELLED" if data.cancelled else "CONFIRMED")
    for key, value in (
        ("location", data.location),
        ("url", data.url),
        ("description", data.description),
    ):
        if value:
            event.add(key, value)
    if data.organizer_email:
        # RFC 5546 requires an ORGANIZER on REQUEST and CANCEL.
        organizer = vCalAddress(f"mailto:{data.organizer_email}")
        if data.organizer_name:
            organizer.params["cn"] = data.organizer_name
        event.add("organizer", organizer)
    return event


def to_bytes(calendar: Calendar) -> bytes:
    return calendar.to_ical()
