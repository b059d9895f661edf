"""An anonymous evaluation cannot be traced to a participant: not through a key, a time, an order,
a token or a history row, in the database or in the exports (issue 21, done point 3; decision
0043). A named evaluation, for contrast, keeps the link."""

import io
import json
from datetime import datetime

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models
from openpyxl import load_workbook

from partnerskap.conferences import selectors, services
from partnerskap.conferences.models import Answer, Registration, SurveyResponse
from partnerskap.conferences.spreadsheets import answers_xlsx
from partnerskap.conferences.tokens import registration_token

from .conftest import make_event, register

pytestmark = pytest.mark.django_db

# Answered in this order; the texts sort differently (C, A, B), so any order kept would show.
PEOPLE = [
    ("Cecilie Dahl", "Cecilies tema"),
    ("Anders Berg", "Anders' tema"),
    ("Berit Aas", "Berits tema"),
]


def _survey(world, body, *, anonymous: bool):
    event = make_event(
        world, following_body=body, capacity=10, slug="anonym" if anonymous else "med-navn"
    )
    people = [register(event, name, f"p{i}@example.no") for i, (name, _text) in enumerate(PEOPLE)]
    register(event, "Dag Eng", "dag@example.no")  # never answers
    survey = services.survey_create(
        actor=world.nav_leader, event=event, title="Evaluering", anonymous=anonymous
    )
    services.survey_open(actor=world.nav_leader, survey=survey)
    questions = list(survey.questions.order_by("position"))
    return event, survey, people, questions


def _answer_all(survey, people, questions):
    for score, (person, (_name, text)) in enumerate(zip(people, PEOPLE, strict=True), start=3):
        services.survey_answer(
            survey=survey,
            registration=person,
            answers={questions[0].pk: score, questions[2].pk: "yes", questions[3].pk: text},
        )


def _dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def test_nothing_in_the_database_links_an_answer_to_its_participant(world, body):
    event, survey, people, questions = _survey(world, body, anonymous=True)
    before = {
        r.pk: (r.updated_at, r.history.count()) for r in Registration.objects.filter(event=event)
    }
    tokens = [registration_token(p) for p in people]

    _answer_all(survey, people, questions)

    # The responses carry no participant, no time, and a random key rather than a sequence.
    responses = list(SurveyResponse.objects.filter(survey=survey))
    assert len(responses) == 3
    assert all(r.registration_id is None and r.submitted_at is None for r in responses)
    timed = (models.DateTimeField, models.DateField, models.AutoField, models.BigAutoField)
    for model in (SurveyResponse, Answer):
        assert isinstance(model._meta.pk, models.UUIDField)
        ordered = [f.name for f in model._meta.concrete_fields if isinstance(f, timed)]
        # submitted_at is for named evaluations only: empty above.
        assert ordered == (["submitted_at"] if model is SurveyResponse else [])
    # Nothing else in the project points at a response or an answer.
    pointing = [
        f"{m._meta.label}.{f.name}"
        for m in apps.get_models()
        for f in m._meta.concrete_fields
        if f.is_relation and f.related_model in (SurveyResponse, Answer)
    ]
    assert pointing == ["conferences.Answer.response"]

    # Who has answered is a yes/no; answering changed no participant's time stamp or history,
    # and the history never records the yes/no.
    after = {
        r.pk: (r.updated_at, r.history.count()) for r in Registration.objects.filter(event=event)
    }
    assert after == before
    answered = dict(
        Registration.objects.filter(event=event).values_list("name", "evaluation_answered")
    )
    assert answered == {
        "Cecilie Dahl": True,
        "Anders Berg": True,
        "Berit Aas": True,
        "Dag Eng": False,
    }
    historical = {f.name for f in Registration.history.model._meta.fields}
    assert "evaluation_answered" not in historical

    # No token is stored anywhere, and the whole database names no response next to a person.
    dump = _dump()
    assert not [t for t in tokens if t in dump or t.split(":")[1] in dump]
    rows = [row for row in json.loads(dump) if row["model"] == "conferences.surveyresponse"]
    assert [set(row["fields"]) for row in rows] == [{"survey", "registration", "submitted_at"}] * 3
    assert {json.dumps(row["fields"]["registration"]) for row in rows} == {"null"}


@pytest.mark.postgres
def test_the_write_that_marks_an_answer_touches_every_registration(world, body):
    """PostgreSQL keeps the id of the transaction that last wrote a row (xmin). Were only the
    answering person's row written, its xmin would equal the response's."""
    event, survey, people, questions = _survey(world, body, anonymous=True)
    services.survey_answer(survey=survey, registration=people[1], answers={questions[0].pk: 4})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT xmin::text FROM conferences_registration WHERE event_id = %s",
            [event.pk],
        )
        assert len(cursor.fetchall()) == 1


def test_the_exports_and_the_summary_keep_no_order_or_name(world, body):
    _event, survey, people, questions = _survey(world, body, anonymous=True)
    _answer_all(survey, people, questions)
    summary = selectors.survey_summary(survey)
    texts = next(q.texts for q in summary.questions if q.question.pk == questions[3].pk)
    assert texts == sorted(text for _name, text in PEOPLE)  # not the order they came in

    rows = selectors.response_rows(survey)
    assert {name for name, _answers in rows} == {""}
    book = load_workbook(io.BytesIO(answers_xlsx(summary, rows)))
    sheet = [[cell for cell in row] for row in book.active.iter_rows(values_only=True)]
    assert sheet[0] == [q.text for q in questions]  # no name, e-mail, time or id column
    body_rows = sheet[1:]
    assert body_rows == sorted(body_rows, key=lambda row: [str(c or "") for c in row])
    flat = " ".join(str(c) for row in sheet for c in row if c is not None)
    for name, _text in PEOPLE:
        assert name not in flat
    assert not any(isinstance(c, datetime) for row in sheet for c in row)


def test_a_named_evaluation_keeps_who_and_when(world, body):
    _event, survey, people, questions = _survey(world, body, anonymous=False)
    _answer_all(survey, people, questions)
    linked = dict(
        SurveyResponse.objects.filter(survey=survey).values_list(
            "registration__name", "submitted_at"
        )
    )
    assert set(linked) == {name for name, _text in PEOPLE}
    assert all(linked.values())
    rows = selectors.response_rows(survey)
    assert sorted(name for name, _answers in rows) == sorted(name for name, _text in PEOPLE)


def test_each_participant_answers_once(world, body):
    _event, survey, people, questions = _survey(world, body, anonymous=True)
    services.survey_answer(survey=survey, registration=people[0], answers={questions[0].pk: 5})
    with pytest.raises(Exception, match="allerede svart"):
        services.survey_answer(survey=survey, registration=people[0], answers={questions[0].pk: 1})
    assert SurveyResponse.objects.count() == 1


def test_answers_are_checked(world, body):
    _event, survey, people, questions = _survey(world, body, anonymous=True)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.survey_answer(survey=survey, registration=people[0], answers={questions[0].pk: 6})
    assert error.value.message_dict == {
        f"question_{questions[0].pk}": [
            "Svaret på «Helhetsinntrykket ditt av konferansen» er ikke et av alternativene."
        ]
    }
    assert not SurveyResponse.objects.exists()
    assert not Registration.objects.filter(evaluation_answered=True).exists()


def test_the_answers_xlsx_neutralises_formulas_in_answers_and_names(world, body):
    _event, survey, people, questions = _survey(world, body, anonymous=False)
    people[0].name = "=cmd|' /C calc'!A0"
    people[0].save()
    services.survey_answer(
        survey=survey,
        registration=people[0],
        answers={questions[0].pk: 4, questions[3].pk: '=HYPERLINK("http://x")'},
    )
    summary = selectors.survey_summary(survey)
    book = load_workbook(io.BytesIO(answers_xlsx(summary, selectors.response_rows(survey))))
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value for c in cells}
    assert "'=cmd|' /C calc'!A0" in values and '\'=HYPERLINK("http://x")' in values
