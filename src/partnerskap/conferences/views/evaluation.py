"""The evaluation for the organisers: questions, opening, the reminder, the summary with charts,
its PDF for a steering-group item, and the answers as XLSX."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.forms import add_service_errors
from partnerskap.core.pages import service_error
from partnerskap.meetings import services as meeting_services

from .. import selectors, services
from ..documents import file_name, summary_context, summary_pdf
from ..forms import AttachForm, QuestionForm, SurveyForm
from ..spreadsheets import answers_xlsx
from ._common import PDF, XLSX, base_url, bound, download, event_context, form_page, form_view


def _page(event) -> str:
    return reverse("conferences:evaluation", args=[event.pk])


@require_GET
def evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk)
    survey = selectors.event_survey(event)
    context = event_context(request, event, "evaluation") | {"survey": survey}
    if survey is not None:
        summary = selectors.survey_summary(survey)
        context |= summary_context(summary) | {
            "not_answered": selectors.not_answered(survey),
            "targets": context["can_manage"]
            and selectors.attach_targets(request.user, event).exists(),
        }
    return render(request, "conferences/evaluation.html", context)


@require_http_methods(["GET", "POST"])
def survey_create(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    form = SurveyForm(
        bound(request),
        initial={"title": _("Evaluation of %(event)s") % {"event": event.title}, "anonymous": True},
    )
    return form_view(
        request,
        form,
        save=lambda data: services.survey_create(
            actor=request.user,
            event=event,
            title=data["title"],
            introduction=data["introduction"],
            anonymous=data["anonymous"],
        ),
        then=lambda survey: ("conferences:evaluation", event.pk),
        saved=_(
            "The evaluation was created with the five usual questions. Change them as you like."
        ),
        title=_("New evaluation"),
        submit=_("Create the evaluation"),
        back=_page(event),
        event=event,
    )


@require_http_methods(["GET", "POST"])
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    survey = selectors.survey_for_user(request.user, event)
    form = SurveyForm(
        bound(request),
        initial={
            "title": survey.title,
            "introduction": survey.introduction,
            "anonymous": survey.anonymous,
            "revision": survey.revision,
        },
    )
    return form_view(
        request,
        form,
        save=lambda data: services.survey_update(actor=request.user, survey=survey, **data),
        then=lambda saved: ("conferences:evaluation", event.pk),
        saved=_("The evaluation was saved."),
        title=_("Edit the evaluation"),
        submit=_("Save"),
        back=_page(event),
        event=event,
    )


@require_http_methods(["GET", "POST"])
def question_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    survey = selectors.survey_for_user(request.user, event)
    form = QuestionForm(bound(request))
    return form_view(
        request,
        form,
        save=lambda data: services.question_add(
            actor=request.user,
            survey=survey,
            kind=data["kind"],
            text=data["text"],
            required=data["required"],
            choices=form.choice_list(),
        ),
        then=lambda question: ("conferences:evaluation", event.pk),
        saved=_("The question was added."),
        title=_("New question"),
        submit=_("Add the question"),
        back=_page(event),
        event=event,
    )


@require_http_methods(["GET", "POST"])
def question_remove(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.question_for_user(request.user, pk, change=True)
    event = question.survey.event
    form = Form(bound(request))
    if request.method == "POST":
        try:
            services.question_remove(actor=request.user, question=question)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The question was removed."))
            return redirect(_page(event))
    return form_page(
        request,
        form,
        title=_("Remove the question “%(text)s”") % {"text": question.text},
        submit=_("Remove the question"),
        back=_page(event),
        event=event,
    )


def _action(request: HttpRequest, pk: int, *, run, title: str, intro: str, submit: str):
    """A confirmation page for one step on the evaluation; POST runs it."""
    event = selectors.event_for_user(request.user, pk, change=True)
    survey = selectors.survey_for_user(request.user, event)
    form = Form(bound(request))
    status = None
    if request.method == "POST":
        try:
            text = run(survey)
        except ValidationError as exc:
            status = service_error(form, exc)
        else:
            messages.success(request, text)
            return redirect(_page(event))
    return form_page(
        request,
        form,
        title=title,
        intro=intro,
        submit=submit,
        back=_page(event),
        event=event,
        status=status,
    )


@require_http_methods(["GET", "POST"])
def survey_open(request: HttpRequest, pk: int) -> HttpResponse:
    def run(survey) -> str:
        services.survey_open(actor=request.user, survey=survey, base_url=base_url(request))
        return _("The evaluation is open, and the participants got their links.")

    return _action(
        request,
        pk,
        run=run,
        title=_("Open the evaluation"),
        intro=_(
            "Every registered participant gets a personal link by e-mail. The questions cannot "
            "change afterwards."
        ),
        submit=_("Open and send the links"),
    )


@require_http_methods(["GET", "POST"])
def survey_remind(request: HttpRequest, pk: int) -> HttpResponse:
    def run(survey) -> str:
        count = services.survey_remind(
            actor=request.user, survey=survey, base_url=base_url(request)
        )
        return ngettext(
            "%(count)s participant who had not answered was reminded.",
            "%(count)s participants who had not answered were reminded.",
            count,
        ) % {"count": count}

    return _action(
        request,
        pk,
        run=run,
        title=_("Remind those who have not answered"),
        intro=_(
            "One reminder goes to the participants who have not answered yet, and only to them."
        ),
        submit=_("Send the reminder"),
    )


@require_http_methods(["GET", "POST"])
def survey_close(request: HttpRequest, pk: int) -> HttpResponse:
    def run(survey) -> str:
        services.survey_close(actor=request.user, survey=survey)
        return _("The evaluation is closed.")

    return _action(
        request,
        pk,
        run=run,
        title=_("Close the evaluation"),
        intro=_("No more answers are taken."),
        submit=_("Close the evaluation"),
    )


@require_GET
def summary_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk)
    survey = selectors.survey_for_user(request.user, event)
    return download(
        summary_pdf(selectors.survey_summary(survey)), PDF, file_name(event, "evaluering", "pdf")
    )


@require_GET
def answers_xlsx_view(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_for_user(request.user, pk, change=True)
    survey = selectors.survey_for_user(request.user, event)
    content = answers_xlsx(selectors.survey_summary(survey), selectors.response_rows(survey))
    return download(content, XLSX, file_name(event, "evalueringssvar", "xlsx"))


@require_http_methods(["GET", "POST"])
def summary_attach(request: HttpRequest, pk: int) -> HttpResponse:
    """The summary as a PDF attachment to an item of the following body's next meeting."""
    event = selectors.event_for_user(request.user, pk, change=True)
    survey = selectors.survey_for_user(request.user, event)
    items = selectors.attach_targets(request.user, event)
    form = AttachForm(bound(request), items=items, initial={"title": survey.title})
    status = None
    if request.method == "POST" and form.is_valid():
        item = form.cleaned_data["item"]
        try:
            attachment = meeting_services.attachment_add(
                actor=request.user,
                item=item,
                file=ContentFile(
                    summary_pdf(selectors.survey_summary(survey)),
                    name=file_name(event, "evaluering", "pdf"),
                ),
                title=form.cleaned_data["title"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            status = 400
        else:
            messages.success(
                request, _("The summary was attached to “%(item)s”.") % {"item": item.title}
            )
            meeting_page = reverse("meetings:meeting_detail", args=[attachment.item.meeting_id])
            return redirect(f"{meeting_page}#item-{item.pk}")
    return form_page(
        request,
        form,
        title=_("Attach the summary to a meeting"),
        intro=None
        if items.exists()
        else _(
            "The body that follows the event has no meeting with an open agenda that you run. "
            "Plan a meeting first."
        ),
        submit=_("Attach the PDF"),
        back=_page(event),
        event=event,
        status=status,
    )
