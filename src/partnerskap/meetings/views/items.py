"""Agenda items, their attachments and follow-ups, and each person's own follow-ups."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerskap.core.forms import add_service_errors
from partnerskap.core.pages import service_error
from partnerskap.core.pagination import paginate

from .. import selectors, services
from ..forms import (
    ActionForm,
    ActionUpdateForm,
    AttachmentForm,
    ForwardForm,
    ItemAddForm,
    ItemForm,
    MoveForm,
    ReorderForm,
    WithdrawForm,
)
from ..models import ActionItem, AgendaItem
from ._common import file_response, form_page


def _on_agenda(item: AgendaItem) -> str:
    """The meeting page, scrolled to the item."""
    return f"{reverse('meetings:meeting_detail', args=[item.meeting_id])}#item-{item.pk}"


@require_http_methods(["GET", "POST"])
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    form = ItemAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_add(actor=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(label)s was added.") % {"label": item.label})
            return redirect(_on_agenda(item))
    return form_page(
        request,
        form,
        title=_("New item"),
        submit=_("Add the item"),
        back=reverse("meetings:meeting_detail", args=[pk]),
        meeting=meeting,
    )


@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    form = ItemForm(request.POST or None, instance=item)
    status, saved = None, None
    if request.method == "POST" and form.is_valid():
        try:
            services.item_update(
                actor=request.user,
                item=item,
                revision=form.cleaned_data["revision"],
                **form.item_fields(),
            )
        except services.ConflictError as exc:
            # Keep this person's text in the form and show what the other person saved.
            add_service_errors(form, exc)
            status, saved = 409, selectors.item_for_user(request.user, pk)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(label)s was saved.") % {"label": item.label})
            return redirect(_on_agenda(item))
    return form_page(
        request,
        form,
        title=_("Edit %(label)s") % {"label": item.label},
        submit=_("Save"),
        back=_on_agenda(item),
        status=status,
        template="meetings/item_form.html",
        item=item,
        saved=saved,
    )


@require_POST
def item_reorder(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_for_user(request.user, pk, change=True)
    form = ReorderForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            services.item_reorder(actor=request.user, meeting=meeting, item_ids=form.new_order())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect(_on_agenda(form.cleaned_data["item"]))
    return form_page(
        request,
        form,
        title=_("Change the order of the agenda"),
        submit=_("Try again"),
        back=reverse("meetings:meeting_detail", args=[pk]),
        meeting=meeting,
    )


@require_http_methods(["GET", "POST"])
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    form = MoveForm(request.POST or None, targets=selectors.move_targets(item))
    back = _on_agenda(item)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_move(actor=request.user, item=item, target=form.cleaned_data["target"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("%(label)s was moved. It keeps its number.") % {"label": item.label}
            )
            return redirect(back)
    return form_page(
        request,
        form,
        title=_("Move %(label)s to another meeting") % {"label": item.label},
        submit=_("Move the item"),
        back=back,
        item=item,
    )


@require_http_methods(["GET", "POST"])
def item_forward(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    form = ForwardForm(request.POST or None, targets=selectors.forward_targets(request.user, item))
    if request.method == "POST" and form.is_valid():
        try:
            forwarded = services.item_forward(
                actor=request.user, item=item, target=form.cleaned_data["target"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(label)s was forwarded as %(new)s.")
                % {"label": item.label, "new": forwarded.label},
            )
            return redirect(_on_agenda(item))
    return form_page(
        request,
        form,
        title=_("Forward %(label)s to another body") % {"label": item.label},
        submit=_("Forward the item"),
        back=_on_agenda(item),
        item=item,
    )


@require_http_methods(["GET", "POST"])
def item_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_withdraw(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("%(label)s was withdrawn. It keeps its number.") % {"label": item.label}
            )
            return redirect(_on_agenda(item))
    return form_page(
        request,
        form,
        title=_("Withdraw %(label)s") % {"label": item.label},
        submit=_("Withdraw the item"),
        back=_on_agenda(item),
        item=item,
    )


# --- attachments ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attachment_add(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The file was attached to %(label)s.") % {"label": item.label}
            )
            return redirect(_on_agenda(item))
    return form_page(
        request,
        form,
        title=_("Attach a file to %(label)s") % {"label": item.label},
        submit=_("Upload"),
        back=_on_agenda(item),
        item=item,
        multipart=True,
    )


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = selectors.attachment_for_user(request.user, pk)
    return file_response(attachment)


# --- follow-ups -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_user(request.user, pk, change=True)
    form = ActionForm(request.POST or None, people=selectors.body_people(item.meeting.body))
    if request.method == "POST" and form.is_valid():
        try:
            services.action_add(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The follow-up was added."))
            return redirect(_on_agenda(item))
    return form_page(
        request,
        form,
        title=_("New follow-up from %(label)s") % {"label": item.label},
        submit=_("Add the follow-up"),
        back=_on_agenda(item),
        item=item,
    )


def action_form(action: ActionItem, data: object = None) -> ActionUpdateForm:
    """The progress form of one follow-up; the prefix keeps ids unique in a list of them."""
    initial = {"status": action.status, "progress": action.progress, "revision": action.revision}
    return ActionUpdateForm(data, initial=initial, prefix=f"action-{action.pk}")


@require_http_methods(["GET", "POST"])
def action_update(request: HttpRequest, pk: int) -> HttpResponse:
    action = selectors.action_for_user(request.user, pk, change=True)
    form = action_form(action, request.POST if request.method == "POST" else None)
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    back = back or _on_agenda(action.item)
    status = None
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(actor=request.user, action=action, **form.cleaned_data)
        except ValidationError as exc:
            status = service_error(form, exc)  # 409 when someone saved since the page was read
        else:
            messages.success(
                request, _("The follow-up “%(title)s” was updated.") % {"title": action.title}
            )
            return redirect(back)
    return form_page(
        request,
        form,
        title=_("Report progress on “%(title)s”") % {"title": action.title},
        submit=_("Save"),
        back=back,
        next=back,
        status=status,
    )


@require_GET
def my_actions(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.my_actions(request.user))
    today = timezone.localdate()
    here = request.get_full_path()
    rows = [(action, action.due_date < today, action_form(action)) for action in page.object_list]
    return render(request, "meetings/my_actions.html", {"page": page, "rows": rows, "here": here})
