"""The programme as plain data: days, and per day the time slots with their sessions side by side.

The same shape is frozen into each published version (`ProgrammeVersion.content`), shown on the
public page, rendered by the templates and returned by the API, so what was announced can be
compared with what stands now.
"""

from datetime import date
from typing import Any

from django.db.models import Prefetch

from .models import WITHOUT_SPEAKERS, Event, Session, SessionKind, SessionSpeaker

Programme = dict[str, Any]


def person_line(person) -> dict[str, str]:
    return {
        "name": person.display_name,
        "job_title": person.job_title,
        "organisation": person.organisation,
    }


def session_line(session: Session) -> dict[str, Any]:
    return {
        "starts": session.starts.strftime("%H:%M"),
        "ends": session.ends.strftime("%H:%M"),
        "title": session.title,
        "kind": session.kind,
        "track": session.track,
        "description": session.description,
        "moderator": person_line(session.moderator) if session.moderator else None,
        "speakers": [person_line(link.person) for link in session.speaker_links.all()],
    }


def sessions_of(event: Event):
    """The event's sessions with their people, in programme order (three queries)."""
    return (
        event.sessions.select_related("moderator")
        .prefetch_related(
            Prefetch(
                "speaker_links",
                queryset=SessionSpeaker.objects.select_related("person").order_by("position", "pk"),
            )
        )
        .order_by("day", "starts", "track", "pk")
    )


def programme_content(event: Event, sessions=None) -> Programme:
    """Every day of the event with its sessions; days without sessions are kept (empty)."""
    by_day: dict[str, list] = {day.isoformat(): [] for day in event.days}
    for session in sessions if sessions is not None else sessions_of(event):
        by_day.setdefault(session.day.isoformat(), []).append(session_line(session))
    return {"days": [{"day": day, "sessions": rows} for day, rows in sorted(by_day.items())]}


def slots(day: dict[str, Any]) -> list[dict[str, Any]]:
    """A day's sessions grouped into time slots: sessions that overlap run in parallel and are
    shown side by side, each with its room."""
    groups: list[dict[str, Any]] = []
    for session in day["sessions"]:
        current = groups[-1] if groups else None
        if current is not None and session["starts"] < current["ends"]:
            current["sessions"].append(session)
            current["ends"] = max(current["ends"], session["ends"])
        else:
            groups.append(
                {"starts": session["starts"], "ends": session["ends"], "sessions": [session]}
            )
    for group in groups:
        group["parallel"] = len(group["sessions"]) > 1
    return groups


def _meta(slot: dict[str, Any], line: dict[str, Any]) -> list[str]:
    """What the programme says under a session's title: its own times when they differ from
    the slot's (or it runs in parallel), its kind unless the title says it, and its room."""
    meta = []
    if slot["parallel"] or (line["starts"], line["ends"]) != (slot["starts"], slot["ends"]):
        meta.append(f"{line['starts']}–{line['ends']}")
    kind = str(SessionKind(line["kind"]).label)
    if kind != line["title"]:
        meta.append(kind)
    if line["track"]:
        meta.append(line["track"])
    return meta


def days_with_slots(content: Programme, sessions: list[Session] | None = None) -> list[dict]:
    """The programme's days for a page: each day's date and its time slots. Given the sessions
    `content` was made from (in the same order), each line carries its session as `object`, for
    the organisers' edit links."""
    objects = iter(sessions) if sessions is not None else None
    days = []
    for day in content["days"]:
        day_slots = slots(day)
        for slot in day_slots:
            slot["sessions"] = [
                {
                    **line,
                    "meta": _meta(slot, line),
                    "is_break": line["kind"] in WITHOUT_SPEAKERS,
                    "object": next(objects) if objects is not None else None,
                }
                for line in slot["sessions"]
            ]
        days.append({"day": date.fromisoformat(day["day"]), "slots": day_slots})
    return days
