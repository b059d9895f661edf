"""The event's documents as bytes: the calendar invitation, name badges and the evaluation's
summary as PDF. Pure functions of their data; views and e-mails only wrap them."""

from datetime import date, time

from django.db.models import Max, Min
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from partnerskap.documents import ics
from partnerskap.documents.pdf import render_pdf

from .charts import question_chart
from .models import Event, Registration
from .selectors import Summary
from .services._common import at

# A day without sessions in the programme yet goes into calendars with these hours.
DEFAULT_DAY = (time(9), time(16))


def event_ics(event: Event, days: list[str] | None = None) -> bytes:
    """One calendar entry per day attended (all days when None), from the day's first session to
    its last, so a person attending only day two gets only day two."""
    bounds = {
        row["day"]: (row["first"], row["last"])
        for row in event.sessions.values("day").annotate(first=Min("starts"), last=Max("ends"))
    }
    chosen = {date.fromisoformat(d) for d in days} if days else set(event.days)
    calendar = ics.new_calendar(method="PUBLISH")
    for number, day in enumerate(event.days, start=1):
        if day not in chosen:
            continue
        starts, ends = bounds.get(day, DEFAULT_DAY)
        calendar.add_component(
            ics.new_event(
                ics.EventData(
                    uid=ics.uid_for(f"{event.uuid}-{number}"),
                    sequence=event.versions.count(),
                    starts=at(day, starts),
                    ends=at(day, ends),
                    stamp=timezone.now(),
                    summary=event.title,
                    location=", ".join(p for p in (event.place, event.address) if p),
                    description=event.description,
                )
            )
        )
    return ics.to_bytes(calendar)


def badges_pdf(event: Event, registrations: list[Registration]) -> bytes:
    """Name badges, eight to an A4 sheet: name, role and organisation, the event's title."""
    html = render_to_string(
        "conferences/print/badges.html", {"event": event, "registrations": registrations}
    )
    return render_pdf(html, archival=False)


def summary_context(summary: Summary) -> dict:
    return {
        "summary": summary,
        "questions": [{"summary": q, "chart": question_chart(q)} for q in summary.questions],
    }


def summary_pdf(summary: Summary, *, archival: bool = True) -> bytes:
    """The evaluation's results for a steering-group agenda: counts, charts with their data,
    the free texts (archival PDF/A by default)."""
    context = summary_context(summary) | {
        "event": summary.survey.event,
        "printed": timezone.localdate(),
    }
    html = render_to_string("conferences/print/summary.html", context)
    return render_pdf(html, archival=archival)


def file_name(event: Event, what: str, extension: str) -> str:
    return f"{what}-{slugify(event.slug) or event.pk}.{extension}"
