"""The evaluation in the API: questions, opening, the reminder, results, attaching the summary."""

from django.core.files.base import ContentFile
from django.http import HttpRequest
from ninja import Status

from partnerskap.meetings import services as meeting_services

from .. import selectors, services
from ..documents import file_name, summary_pdf
from ..models import Survey
from ._common import base_url, no_such, router
from .schemas import (
    EventConflictOut,
    SurveyAttachIn,
    SurveyAttachOut,
    SurveyIn,
    SurveyOut,
    SurveyPatch,
    SurveyQuestionIn,
    SurveyRemindOut,
)

# --- the evaluation -------------------------------------------------------------------------


def survey_out(survey: Survey) -> dict:
    summary = selectors.survey_summary(survey)
    return {
        "id": survey.pk,
        "title": survey.title,
        "introduction": survey.introduction,
        "anonymous": survey.anonymous,
        "status": survey.status,
        "reminder_sent_at": survey.reminder_sent_at,
        "revision": survey.revision,
        "questions": [q.question for q in summary.questions],
        "responses": summary.responses,
        "invited": summary.invited,
        "not_answered": selectors.not_answered(survey),
        "results": [
            {
                "question_id": q.question.pk,
                "answered": q.answered,
                "counts": [{"answer": str(label), "count": n} for label, n in q.counts],
                "mean": q.mean,
                "texts": q.texts,
            }
            for q in summary.questions
        ],
    }


def _survey(request: HttpRequest, event_id: int, *, change: bool = False) -> Survey:
    event = selectors.event_for_user(request.user, event_id, change=change)
    return selectors.survey_for_user(request.user, event)


@router.get(
    "/events/{event_id}/evaluation",
    response=SurveyOut,
    summary="The evaluation with its results (counts, means, free texts)",
)
def evaluation(request: HttpRequest, event_id: int) -> dict:
    return survey_out(_survey(request, event_id))


@router.post(
    "/events/{event_id}/evaluation", response={201: SurveyOut}, summary="Create the evaluation"
)
def survey_create(request: HttpRequest, event_id: int, payload: SurveyIn) -> Status[dict]:
    event = selectors.event_for_user(request.user, event_id, change=True)
    survey = services.survey_create(actor=request.user, event=event, **payload.dict())
    return Status(201, survey_out(survey))


@router.patch(
    "/events/{event_id}/evaluation",
    response={200: SurveyOut, 409: EventConflictOut},
    summary="Change the evaluation's title, introduction and (before it opens) anonymity",
)
def survey_update(request: HttpRequest, event_id: int, payload: SurveyPatch) -> dict:
    survey = _survey(request, event_id, change=True)
    return survey_out(services.survey_update(actor=request.user, survey=survey, **payload.dict()))


@router.post(
    "/events/{event_id}/evaluation/questions",
    response={201: SurveyOut},
    summary="Add a question (before the evaluation opens)",
)
def question_add(request: HttpRequest, event_id: int, payload: SurveyQuestionIn) -> Status[dict]:
    survey = _survey(request, event_id, change=True)
    services.question_add(actor=request.user, survey=survey, **payload.dict())
    return Status(201, survey_out(survey))


@router.delete(
    "/events/{event_id}/evaluation/questions/{question_id}",
    response={204: None},
    summary="Remove a question (before the evaluation opens)",
)
def question_remove(request: HttpRequest, event_id: int, question_id: int) -> Status[None]:
    question = selectors.question_for_user(request.user, question_id, change=True)
    if question.survey.event_id != event_id:
        raise no_such("question_id", question_id)
    services.question_remove(actor=request.user, question=question)
    return Status(204, None)


@router.post(
    "/events/{event_id}/evaluation/open",
    response=SurveyOut,
    summary="Open the evaluation: the participants get their links",
)
def survey_open(request: HttpRequest, event_id: int) -> dict:
    survey = _survey(request, event_id, change=True)
    return survey_out(
        services.survey_open(actor=request.user, survey=survey, base_url=base_url(request))
    )


@router.post(
    "/events/{event_id}/evaluation/remind",
    response=SurveyRemindOut,
    summary="The one reminder to those who have not answered",
)
def survey_remind(request: HttpRequest, event_id: int) -> dict:
    survey = _survey(request, event_id, change=True)
    count = services.survey_remind(actor=request.user, survey=survey, base_url=base_url(request))
    return {"reminded": count}


@router.post("/events/{event_id}/evaluation/close", response=SurveyOut, summary="Close it")
def survey_close(request: HttpRequest, event_id: int) -> dict:
    survey = _survey(request, event_id, change=True)
    return survey_out(services.survey_close(actor=request.user, survey=survey))


@router.post(
    "/events/{event_id}/evaluation/attach",
    response={201: SurveyAttachOut},
    summary="Attach the summary (PDF) to an item of the following body's meeting",
)
def summary_attach(request: HttpRequest, event_id: int, payload: SurveyAttachIn):
    survey = _survey(request, event_id, change=True)
    items = selectors.attach_targets(request.user, survey.event)
    item = items.filter(pk=payload.item_id).first()
    if item is None:
        raise no_such("item_id", payload.item_id)
    attachment = meeting_services.attachment_add(
        actor=request.user,
        item=item,
        file=ContentFile(
            summary_pdf(selectors.survey_summary(survey)),
            name=file_name(survey.event, "evaluering", "pdf"),
        ),
        title=payload.title or survey.title,
    )
    return Status(
        201,
        {"attachment_id": attachment.pk, "item_id": item.pk, "meeting_id": item.meeting_id},
    )
