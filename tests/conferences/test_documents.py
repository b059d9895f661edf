"""The event's documents read back as a reader would: the calendar invitation, the participant
list (with formulas neutralised), name badges and the evaluation's summary as PDF/A."""

import io

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from partnerskap.conferences import selectors, services
from partnerskap.conferences.documents import badges_pdf, event_ics, summary_pdf
from partnerskap.conferences.spreadsheets import participants_xlsx
from partnerskap.core.spreadsheets import safe_cell

from ..documents.tools import pdf_metadata, pdf_text
from .conftest import register

pytestmark = pytest.mark.django_db


def test_the_calendar_has_the_days_attended(event):
    calendar = Calendar.from_ical(event_ics(event, [event.last_day.isoformat()]))
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == "Partnerskapskonferansen i Ørland"
    assert entry["dtstart"].dt.astimezone().strftime("%H:%M") == "09:00"  # the workshop
    assert entry["dtend"].dt.astimezone().strftime("%H:%M") == "12:00"
    both = Calendar.from_ical(event_ics(event))
    assert len(both.walk("VEVENT")) == 2
    assert str(both["method"]) == "PUBLISH"


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+47 123", "-1+1", "@SUM(A1)", "\tx"])
def test_formulas_are_neutralised(text):
    assert safe_cell(text) == "'" + text
    assert safe_cell("NAV Ørland") == "NAV Ørland"
    assert safe_cell(3) == 3


def test_the_participant_list(event, world):
    ada = register(
        event,
        "=cmd|' /C calc'!A0",
        "ada@example.no",
        organisation="@Ørland",
        dietary_needs="-glutenfri",
        dinner=True,
    )
    services.check_in(actor=world.nav_leader, registration=ada, day=event.first_day)
    rows = list(selectors.registrations(event))
    checked = {ada.pk: {event.first_day}}
    sheet = load_workbook(io.BytesIO(participants_xlsx(event, rows, checked))).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][:3] == ["Navn", "E-post", "Organisasjon"]
    assert values[1][0] == "'=cmd|' /C calc'!A0"
    assert values[1][2] == "'@Ørland"
    assert values[1][7:9] == ["Ja", "'-glutenfri"]
    assert values[1][-2:] == ["Ja", None]  # checked in on day one, not day two
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_name_badges(event, tmp_path):
    register(event, "Ada Berg", organisation="Ørland kommune", job_title="Kommunedirektør")
    register(event, "Bo Dahl", organisation="NAV Ørland")
    people = list(selectors.registrations(event).order_by("name"))
    text = pdf_text(badges_pdf(event, people), tmp_path)
    assert "Ada Berg" in text and "Kommunedirektør" in text and "Ørland kommune" in text
    assert text.count("Partnerskapskonferansen i Ørland") == 2


def test_the_summary_for_the_steering_group(event, world, tmp_path):
    people = [register(event, n) for n in ("Ada Berg", "Bo Dahl", "Cato Eng")]
    survey = services.survey_create(
        actor=world.nav_leader, event=event, title="Evaluering av konferansen"
    )
    services.survey_open(actor=world.nav_leader, survey=survey)
    q = list(survey.questions.order_by("position"))
    for person, score, again in zip(people[:2], (4, 5), ("yes", "no"), strict=True):
        services.survey_answer(
            survey=survey,
            registration=person,
            answers={q[0].pk: score, q[2].pk: again, q[4].pk: f"Takk fra {score}"},
        )
    pdf = summary_pdf(selectors.survey_summary(survey))
    text = pdf_text(pdf, tmp_path)
    assert "Evaluering av konferansen" in text
    assert "2 av 3 deltakere svarte." in text
    assert "gjennomsnitt 4,5 på en skala fra 1 til 5" in text
    assert "Takk fra 4" in text and "Takk fra 5" in text
    assert "Svarene er anonyme." in text
    assert 'pdfaid:part="2"' in pdf_metadata(pdf, tmp_path)
