"""The agreement pages: thin wrappers around selectors and services."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerskap.core.forms import add_service_errors
from partnerskap.core.pages import form_page, posted
from partnerskap.core.pagination import paginate
from partnerskap.registry.access import access_scope
from partnerskap.registry.selectors import partnership_for_user, require_reference_change

from . import documents, selectors, services, text
from .forms import (
    AgreementCreateForm,
    AnswerForm,
    AttachmentForm,
    CommentForm,
    ConfirmForm,
    FillForm,
    HearingForm,
    InForceForm,
    SignForm,
    TemplateConfirmForm,
    TemplateUploadForm,
)
from .models import Agreement, AgreementStatus
from .template_format import TemplateFileError, parse_template

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _form_page(request: HttpRequest, form: Form, **kwargs: object) -> HttpResponse:
    """The one-form page (400 when the form has errors), with this app's template."""
    kwargs.setdefault("template", "agreements/form.html")
    return form_page(request, form, **kwargs)  # type: ignore[arg-type]


def _step(
    request: HttpRequest,
    agreement: Agreement,
    form: Form,
    perform: Callable[[], object],
    *,
    title: str,
    submit: str,
    done: str,
    **extra: object,
) -> HttpResponse:
    """One step through its service: back to the agreement when it succeeds, the form again
    with the reason when it does not (409 for a stale revision, else 400)."""
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            perform()
        except services.ConflictError as exc:
            add_service_errors(form, exc)
            status = 409
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect("agreements:agreement_detail", pk=agreement.pk)
    back = reverse("agreements:agreement_detail", args=[agreement.pk])
    return _form_page(
        request,
        form,
        title=title,
        submit=submit,
        back=back,
        status=status,
        agreement=agreement,
        **extra,
    )


def _not_now(
    request: HttpRequest, agreement: Agreement, allowed: tuple[str, ...]
) -> HttpResponse | None:
    """A form page opened on an agreement whose status makes it pointless: back to the
    agreement with the reason, instead of a form that can never succeed."""
    if request.method != "GET" or agreement.status in allowed:
        return None
    messages.warning(
        request,
        _("This cannot be done now: the agreement's status is %(status)s.")
        % {"status": agreement.get_status_display()},
    )
    return redirect("agreements:agreement_detail", pk=agreement.pk)


# --- a partnership's agreements -------------------------------------------------------------


@require_GET
def agreement_list(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk)
    page = paginate(request, selectors.agreement_list(partnership))
    context = {
        "partnership": partnership,
        "page": page,
        "can_change": access_scope(request.user).can_edit_partnership(partnership.pk),
    }
    return render(request, "agreements/agreement_list.html", context)


@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for_user(request.user, pk, change=True)
    services.shipped_template()
    form = AgreementCreateForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_create(
                actor=request.user,
                partnership=partnership,
                template=form.cleaned_data["template"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The agreement was created. Fill in what is missing."))
            return redirect("agreements:agreement_detail", pk=agreement.pk)
    back = reverse("agreements:agreement_list", args=[partnership.pk])
    return _form_page(
        request,
        form,
        title=_("New partnership agreement"),
        submit=_("Create"),
        back=back,
        partnership=partnership,
    )


# --- one agreement --------------------------------------------------------------------------


def _context(request: HttpRequest, agreement: Agreement) -> dict:
    detailed = selectors.agreement_detail(agreement)
    scope = access_scope(request.user)
    hearings = list(detailed.hearings.all())
    hearing = hearings[0] if hearings else None
    is_party = hearing is not None and any(p.pk == request.user.pk for p in hearing.parties.all())
    can_change = scope.can_edit_partnership(detailed.partnership_id)
    return {
        "agreement": detailed,
        "sections": text.sections(detailed),
        "completeness": selectors.completeness(detailed),
        "can_change": can_change,
        "editable": detailed.status in services.EDITABLE,
        "hearing": hearing,
        "hearings": hearings,
        "can_comment": detailed.status == AgreementStatus.HEARING and (is_party or can_change),
        "versions": list(detailed.versions.all()),
        "signatures": list(detailed.signatures.all()),
    }


@require_GET
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk)
    context = _context(request, agreement)
    context["sign_sides"] = (
        services.signing_sides(request.user, agreement)
        if agreement.status == AgreementStatus.AGREED
        else []
    )
    return render(request, "agreements/agreement_detail.html", context)


@require_GET
def agreement_completeness(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk)
    return render(request, "agreements/completeness.html", _context(request, agreement))


@require_http_methods(["GET", "POST"])
def agreement_fill(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk, change=True)
    agreement = selectors.agreement_detail(agreement)
    if closed := _not_now(request, agreement, services.EDITABLE):
        return closed
    form = FillForm(posted(request), agreement=agreement)
    return _step(
        request,
        agreement,
        form,
        lambda: services.agreement_fill(
            actor=request.user, agreement=agreement, **form.service_kwargs()
        ),
        title=_("Fill in the agreement"),
        submit=_("Save"),
        done=_("The agreement was saved."),
        template="agreements/fill.html",
    )


@require_http_methods(["GET", "POST"])
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk, change=True)
    if closed := _not_now(request, agreement, services.EDITABLE):
        return closed
    form = AttachmentForm(posted(request), request.FILES or None)
    return _step(
        request,
        agreement,
        form,
        lambda: services.attachment_add(
            actor=request.user,
            agreement=agreement,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
        ),
        title=_("Attach a document"),
        submit=_("Attach"),
        done=_("The document was attached."),
        multipart=True,
    )


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = selectors.attachment_for_user(request.user, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.file.name.rsplit("/", 1)[-1],
        content_type=attachment.content_type,
    )


@require_http_methods(["GET", "POST"])
def hearing_start(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk, change=True)
    if closed := _not_now(request, agreement, services.EDITABLE):
        return closed
    form = HearingForm(
        posted(request),
        people=selectors.hearing_people(agreement),
        initial={"revision": agreement.revision},
    )
    return _step(
        request,
        agreement,
        form,
        lambda: services.hearing_start(
            actor=request.user,
            agreement=agreement,
            parties=form.cleaned_data["parties"],
            deadline=form.cleaned_data["deadline"],
            revision=form.cleaned_data["revision"],
            site_url=services.site_url(request),
        ),
        title=_("Send the draft for hearing"),
        submit=_("Send for hearing"),
        done=_("The draft was sent for hearing."),
    )


@require_http_methods(["GET", "POST"])
def hearing_comment(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk)
    hearing = services.current_hearing(agreement)
    if hearing is None or agreement.status != AgreementStatus.HEARING:
        raise Http404
    if not (
        hearing.parties.filter(pk=request.user.pk).exists()
        or access_scope(request.user).can_edit_partnership(agreement.partnership_id)
    ):
        raise PermissionDenied
    form = CommentForm(
        posted(request), agreement=agreement, initial={"section": request.GET.get("punkt")}
    )
    return _step(
        request,
        agreement,
        form,
        lambda: services.hearing_comment(
            actor=request.user,
            agreement=agreement,
            section=form.cleaned_data["section"],
            text_=form.cleaned_data["text"],
        ),
        title=_("Comment on the draft"),
        submit=_("Send comment"),
        done=_("Your comment was sent."),
    )


@require_http_methods(["GET", "POST"])
def comment_answer(request: HttpRequest, pk: int) -> HttpResponse:
    comment = selectors.comment_for_user(request.user, pk, change=True)
    agreement = comment.hearing.agreement
    if closed := _not_now(request, agreement, services.EDITABLE):
        return closed
    form = AnswerForm(
        posted(request), initial={"answer": comment.answer, "explanation": comment.answer_text}
    )
    return _step(
        request,
        agreement,
        form,
        lambda: services.comment_answer(
            actor=request.user,
            comment=comment,
            answer=form.cleaned_data["answer"],
            explanation=form.cleaned_data["explanation"],
        ),
        title=_("Answer the comment"),
        submit=_("Save answer"),
        done=_("The answer was saved."),
        comment=comment,
    )


@require_http_methods(["GET", "POST"])
def agreement_agree(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk, change=True)
    if closed := _not_now(request, agreement, services.EDITABLE):
        return closed
    form = ConfirmForm(posted(request), initial={"revision": agreement.revision})
    return _step(
        request,
        agreement,
        form,
        lambda: services.agreement_agree(
            actor=request.user, agreement=agreement, revision=form.cleaned_data["revision"]
        ),
        title=_("Mark the agreement as agreed"),
        submit=_("The owners agree"),
        done=_("The agreement is agreed and ready for signing."),
        missing=services.missing(agreement),
    )


@require_http_methods(["GET", "POST"])
def agreement_sign(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk)
    if closed := _not_now(request, agreement, (AgreementStatus.AGREED,)):
        return closed
    sides = services.signing_sides(request.user, agreement)
    if not sides:
        raise PermissionDenied
    form = SignForm(posted(request), sides=sides)
    return _step(
        request,
        agreement,
        form,
        lambda: services.agreement_sign(
            actor=request.user,
            agreement=agreement,
            side=form.cleaned_data["side"],
            signed_as=form.cleaned_data["signed_as"],
        ),
        title=_("Sign the agreement"),
        submit=_("Sign"),
        done=_("You signed the agreement."),
    )


@require_http_methods(["GET", "POST"])
def agreement_in_force(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk, change=True)
    if closed := _not_now(request, agreement, (AgreementStatus.SIGNED,)):
        return closed
    period = services.agreed_period(agreement)
    form = InForceForm(
        posted(request),
        initial={
            "revision": agreement.revision,
            "valid_from": period["from"],
            "valid_to": period["to"],
        },
    )
    return _step(
        request,
        agreement,
        form,
        lambda: services.agreement_put_in_force(
            actor=request.user,
            agreement=agreement,
            valid_from=form.cleaned_data["valid_from"],
            valid_to=form.cleaned_data["valid_to"],
            revision=form.cleaned_data["revision"],
        ),
        title=_("Put the agreement in force"),
        submit=_("Put in force"),
        done=_("The agreement is in force."),
        replaces=selectors.in_force(agreement.partnership),
    )


@require_GET
def version_compare(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_user(request.user, pk)

    def number(key: str) -> int | None:
        try:
            return int(request.GET.get(key, ""))
        except ValueError:
            return None

    context = {
        "agreement": agreement,
        **selectors.compare_versions(agreement, number("a"), number("b")),
    }
    return render(request, "agreements/compare.html", context)


@require_GET
def agreement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_detail(selectors.agreement_for_user(request.user, pk))
    data = documents.agreement_pdf(agreement)
    return _download(data, PDF, documents.file_name(agreement, "pdf"))


@require_GET
def agreement_docx(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_detail(selectors.agreement_for_user(request.user, pk))
    data = documents.agreement_docx(agreement)
    return _download(data, DOCX, documents.file_name(agreement, "docx"))


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    from django.utils.http import content_disposition_header

    disposition = content_disposition_header(as_attachment=True, filename=name)
    return HttpResponse(
        data, content_type=content_type, headers={"Content-Disposition": disposition}
    )


# --- templates ------------------------------------------------------------------------------


@require_GET
def template_list(request: HttpRequest) -> HttpResponse:
    services.shipped_template()
    context = {
        "templates": list(selectors.template_list()),
        "can_load": access_scope(request.user).is_admin,
    }
    return render(request, "agreements/template_list.html", context)


@require_http_methods(["GET", "POST"])
def template_upload(request: HttpRequest) -> HttpResponse:
    """Upload a template file, see what it contains, then load it: nothing is saved before
    the administrator confirms, and nothing at all if the file has a problem."""
    require_reference_change(request.user)
    back = reverse("agreements:template_list")
    if request.method == "POST" and "content" in request.POST:
        confirm = TemplateConfirmForm(request.POST)
        if confirm.is_valid():
            try:
                template = services.template_load(
                    actor=request.user,
                    data=confirm.cleaned_data["content"],
                    file_name=confirm.cleaned_data["file_name"],
                )
            except ValidationError as exc:
                form = TemplateUploadForm()
                form.add_error(None, exc)
                return _form_page(
                    request, form, title=_("Load a template"), submit=_("Check"), back=back,
                    multipart=True,
                )  # fmt: skip
            messages.success(request, _("The template %(name)s was loaded.") % {"name": template})
            return redirect("agreements:template_list")
    form = TemplateUploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            content = upload.read().decode("utf-8")
            structure = parse_template(content, upload.name)
        except UnicodeDecodeError:
            form.add_error("file", _("%(name)s is not a UTF-8 text file.") % {"name": upload.name})
        except TemplateFileError as exc:
            form.add_error("file", exc)
        else:
            confirm = TemplateConfirmForm(initial={"content": content, "file_name": upload.name})
            context = {"structure": structure, "form": confirm, "file_name": upload.name}
            return render(request, "agreements/template_preview.html", context)
    return _form_page(
        request, form, title=_("Load a template"), submit=_("Check"), back=back, multipart=True
    )
