"""The icalendar helpers: invitations and feeds that calendar clients parse."""

from datetime import UTC, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from icalendar import Calendar

from partnerskap.documents import ics

OSLO = ZoneInfo("Europe/Oslo")
UUID_ = UUID("6f1c2b7e-2b1a-4c55-9a55-0c6f1b2d3e4f")


def _data(**changes: object) -> ics.EventData:
    fields: dict = {
        "uid": ics.uid_for(UUID_),
        "sequence": 2,
        "starts": datetime(2027, 3, 5, 11, tzinfo=OSLO),
        "ends": datetime(2027, 3, 5, 14, 30, tzinfo=OSLO),
        "stamp": datetime(2027, 2, 1, 8, tzinfo=OSLO),
        "summary": "Partnerskapsmøtet i NAV Ørland",
        "location": "Rådhuset, Brekstad",
        "url": "https://video.example.no/m",
        "description": "Sak 1/27 Åpne oppfølgingspunkter\nSak 2/27 Status",
        "organizer_email": "partnerskap@example.no",
        "organizer_name": "Partnerskapsmøtet",
    }
    return ics.EventData(**{**fields, **changes})


def _parse(method: str | None, data: ics.EventData):
    calendar = ics.new_calendar(method=method)
    calendar.add_component(ics.new_event(data))
    parsed = Calendar.from_ical(ics.to_bytes(calendar))
    return parsed, parsed.walk("VEVENT")[0]


def test_invitation_round_trip():
    calendar, event = _parse("REQUEST", _data())
    assert calendar["METHOD"] == "REQUEST"
    assert calendar["VERSION"] == "2.0"
    assert str(event["UID"]) == f"{UUID_}@partnerskap"
    assert event["SEQUENCE"] == 2
    assert event["DTSTART"].dt == datetime(2027, 3, 5, 10, tzinfo=UTC)  # UTC, no VTIMEZONE needed
    assert event["DTEND"].dt == datetime(2027, 3, 5, 13, 30, tzinfo=UTC)
    assert event["DTSTAMP"].dt == datetime(2027, 2, 1, 7, tzinfo=UTC)
    assert event["LOCATION"] == "Rådhuset, Brekstad"
    assert str(event["URL"]) == "https://video.example.no/m"
    assert event["DESCRIPTION"] == "Sak 1/27 Åpne oppfølgingspunkter\nSak 2/27 Status"
    assert event["STATUS"] == "CONFIRMED"
    assert str(event["ORGANIZER"]) == "mailto:partnerskap@example.no"
    assert event["ORGANIZER"].params["CN"] == "Partnerskapsmøtet"


def test_cancellation():
    calendar, event = _parse("CANCEL", _data(cancelled=True, sequence=3))
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 3


def test_feed_has_a_name_and_no_method():
    calendar = ics.new_calendar(name="Styringsgruppa")
    for n in range(3):
        calendar.add_component(ics.new_event(_data(uid=ics.uid_for(f"m{n}"), organizer_email="")))
    parsed = Calendar.from_ical(ics.to_bytes(calendar))
    assert "METHOD" not in parsed
    assert parsed["X-WR-CALNAME"] == "Styringsgruppa"
    events = parsed.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["m0@partnerskap", "m1@partnerskap", "m2@partnerskap"]
    assert all("ORGANIZER" not in e for e in events)
