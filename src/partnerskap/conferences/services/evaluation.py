"""The evaluation: questions, opening it to the participants, answers, one reminder, closing.

An anonymous evaluation must not let anyone — the organiser, an export, a database dump — tell
whose answers are whose (docs/decisions/0043). The answer rows carry a random key, no
registration and no time. The only trace of who has answered is a yes/no on the registration,
needed to remind those who have not; it is set by one UPDATE of *every* registration of the event,
so no row's timestamp, history or transaction id singles out the person who just answered.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerskap.core.models import User
from partnerskap.core.services import claim_revision, delete, locked, save

from .. import notify
from ..models import (
    WITH_CHOICES,
    Answer,
    Event,
    QuestionKind,
    Registration,
    RegistrationStatus,
    Survey,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)
from ._common import assert_manages


def default_questions() -> list[tuple[str, str, list[str]]]:
    """The five questions the Nordland project asked after its conference (kind, text, choices),
    in the language of whoever creates the evaluation."""
    return [
        (QuestionKind.SCALE, _("Your overall impression of the conference"), []),
        (QuestionKind.SCALE, _("How useful were the themes for your own partnership?"), []),
        (
            QuestionKind.YES_NO,
            _("Would you make attending a priority if the conference is held again?"),
            [],
        ),
        (QuestionKind.TEXT, _("Themes you would like next time"), []),
        (QuestionKind.TEXT, _("Other comments"), []),
    ]


@transaction.atomic
def survey_create(
    *,
    actor: User,
    event: Event,
    title: str,
    introduction: str = "",
    anonymous: bool = True,
    with_default_questions: bool = True,
) -> Survey:
    assert_manages(actor, event)
    if Survey.objects.filter(event=event).exists():
        raise ValidationError(_("The event already has an evaluation."))
    survey = save(
        Survey(event=event, title=title.strip(), introduction=introduction, anonymous=anonymous),
        actor=actor,
    )
    if with_default_questions:
        for kind, text, choices in default_questions():
            question_add(actor=actor, survey=survey, kind=kind, text=text, choices=choices)
    return survey


def _assert_draft(survey: Survey) -> None:
    if survey.status != SurveyStatus.DRAFT:
        raise ValidationError(
            _("The evaluation has been opened: its questions and anonymity can no longer change.")
        )


@transaction.atomic
def survey_update(
    *,
    actor: User,
    survey: Survey,
    revision: int | None,
    title: str,
    introduction: str = "",
    anonymous: bool = True,
) -> Survey:
    assert_manages(actor, survey.event)
    claim_revision(Survey, survey.pk, revision)
    fresh = locked(Survey, survey.pk)
    if fresh.anonymous != anonymous:
        _assert_draft(fresh)
    fresh.title, fresh.introduction, fresh.anonymous = title.strip(), introduction, anonymous
    return save(fresh, actor=actor)


def _clean_choices(kind: str, choices: list[str]) -> list[str]:
    cleaned = [c.strip() for c in choices if c and c.strip()]
    if kind in WITH_CHOICES:
        if len(cleaned) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one a line.")})
        if len(set(cleaned)) != len(cleaned):
            raise ValidationError({"choices": _("The same choice is given twice.")})
        return cleaned
    return []


@transaction.atomic
def question_add(
    *,
    actor: User,
    survey: Survey,
    kind: str,
    text: str,
    required: bool = False,
    choices: list[str] | None = None,
) -> SurveyQuestion:
    assert_manages(actor, survey.event)
    fresh = locked(Survey, survey.pk)
    _assert_draft(fresh)
    last = fresh.questions.order_by("-position").values_list("position", flat=True).first()
    question = SurveyQuestion(
        survey=fresh,
        position=(last or 0) + 1,
        kind=kind,
        text=text.strip(),
        required=required,
        choices=_clean_choices(kind, choices or []),
    )
    return save(question, actor=actor)


@transaction.atomic
def question_remove(*, actor: User, question: SurveyQuestion) -> None:
    assert_manages(actor, question.survey.event)
    _assert_draft(locked(Survey, question.survey_id))
    delete(question, actor=actor)


def _participants(survey: Survey):
    return Registration.objects.filter(
        event_id=survey.event_id, status=RegistrationStatus.REGISTERED
    ).exclude(email="")


@transaction.atomic
def survey_open(*, actor: User, survey: Survey, base_url: str = "") -> Survey:
    """Open the evaluation: every registered participant gets their personal link by e-mail."""
    assert_manages(actor, survey.event)
    fresh = locked(Survey, survey.pk, "event")
    _assert_draft(fresh)
    if not fresh.questions.exists():
        raise ValidationError(_("The evaluation has no questions. Add at least one."))
    if fresh.event.personal_data_deleted_at is not None:
        raise ValidationError(_("The participants' contact details have been deleted."))
    fresh.status = SurveyStatus.OPEN
    fresh.opened_at = timezone.now()
    save(fresh, actor=actor)
    recipients = list(_participants(fresh).values_list("pk", flat=True))
    transaction.on_commit(lambda: notify.send_survey(fresh.pk, recipients, base_url))
    return fresh


@transaction.atomic
def survey_remind(*, actor: User, survey: Survey, base_url: str = "") -> int:
    """One reminder to the participants who have not answered, and only to them. Returns how
    many were reminded."""
    assert_manages(actor, survey.event)
    fresh = locked(Survey, survey.pk, "event")
    if fresh.status != SurveyStatus.OPEN:
        raise ValidationError(_("The evaluation is not open."))
    if fresh.reminder_sent_at is not None:
        raise ValidationError(
            _("The reminder was sent %(when)s. Only one is sent.")
            % {"when": timezone.localtime(fresh.reminder_sent_at).strftime("%d.%m.%Y %H:%M")}
        )
    recipients = list(
        _participants(fresh).filter(evaluation_answered=False).values_list("pk", flat=True)
    )
    fresh.reminder_sent_at = timezone.now()
    save(fresh, actor=actor)
    transaction.on_commit(lambda: notify.send_survey(fresh.pk, recipients, base_url, reminder=True))
    return len(recipients)


@transaction.atomic
def survey_close(*, actor: User, survey: Survey) -> Survey:
    assert_manages(actor, survey.event)
    fresh = locked(Survey, survey.pk)
    if fresh.status != SurveyStatus.OPEN:
        raise ValidationError(_("The evaluation is not open."))
    fresh.status = SurveyStatus.CLOSED
    fresh.closed_at = timezone.now()
    return save(fresh, actor=actor)


def _value(question: SurveyQuestion, raw: object) -> object:
    """The answer as stored, or None for no answer; refuses an answer that does not fit."""
    if raw in (None, "", []):
        if question.required:
            raise ValidationError(
                {
                    f"question_{question.pk}": _("“%(question)s” needs an answer.")
                    % {"question": question.text}
                }
            )
        return None
    wrong = ValidationError(
        {
            f"question_{question.pk}": _("The answer to “%(question)s” is not one of the choices.")
            % {"question": question.text}
        }
    )
    if question.kind == QuestionKind.SCALE:
        try:
            value = int(str(raw))
        except ValueError:
            raise wrong from None
        if not 1 <= value <= 5:
            raise wrong
        return value
    if question.kind == QuestionKind.YES_NO:
        if isinstance(raw, bool):
            return raw
        if str(raw) in ("yes", "no"):
            return str(raw) == "yes"
        raise wrong
    if question.kind == QuestionKind.SINGLE:
        if raw not in question.choices:
            raise wrong
        return raw
    if question.kind == QuestionKind.MULTIPLE:
        values = raw if isinstance(raw, list) else [raw]
        if not set(values) <= set(question.choices):
            raise wrong
        return [c for c in question.choices if c in values]
    text = str(raw).strip()
    if len(text) > 4000:
        raise ValidationError(
            {f"question_{question.pk}": _("The answer is longer than 4000 characters.")}
        )
    return text or None


@transaction.atomic
def survey_answer(
    *, survey: Survey, registration: Registration, answers: Mapping[int, object]
) -> SurveyResponse:
    """A participant's answers, by question id. Each participant answers once. In an anonymous
    evaluation the response keeps no registration, no time and no order (see the module's
    docstring); in a named one it keeps both."""
    fresh = locked(Survey, survey.pk)
    person = locked(Registration, registration.pk)
    if person.event_id != fresh.event_id or person.status != RegistrationStatus.REGISTERED:
        raise ValidationError(_("Only the event's participants answer its evaluation."))
    if fresh.status != SurveyStatus.OPEN:
        raise ValidationError(_("The evaluation is not open."))
    if person.evaluation_answered:
        raise ValidationError(_("You have already answered. Thank you!"))
    questions = list(fresh.questions.all())
    unknown = set(answers) - {q.pk for q in questions}
    if unknown:
        raise ValidationError(_("The answers name questions the evaluation does not have."))
    values = {q.pk: _value(q, answers.get(q.pk)) for q in questions}
    response = save(
        SurveyResponse(
            survey=fresh,
            registration=None if fresh.anonymous else person,
            submitted_at=None if fresh.anonymous else timezone.now(),
        ),
        actor=None,  # a participant without a login; answers have no history by design
    )
    Answer.objects.bulk_create(  # validated above, question by question
        Answer(response=response, question=q, value=values[q.pk])
        for q in questions
        if values[q.pk] is not None
    )
    # Every registration of the event is written, so the write does not point at this one.
    Registration.objects.filter(event_id=fresh.event_id).update(
        evaluation_answered=Case(
            When(Q(pk=person.pk) | Q(evaluation_answered=True), then=Value(True)),
            default=Value(False),
        )
    )
    return response
